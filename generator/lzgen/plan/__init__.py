"""Plan: a valid OrgFile -> LandingZone (stacks, files to render, wiring). Pure data, no checks."""

from lzgen.plan.landing_zone import FileSpec, LandingZone, Stack, build_plan

__all__ = ["FileSpec", "LandingZone", "Stack", "build_plan"]
