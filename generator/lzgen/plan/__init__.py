"""Plan: a valid OrgFile -> LandingZone (stacks, files to render, wiring). Pure data, no checks."""

from lzgen.plan.landing_zone import build_plan
from lzgen.plan.types import FileSpec, LandingZone, Stack

__all__ = ["FileSpec", "LandingZone", "Stack", "build_plan"]
