"""The regions the landing zone uses: where the security services act and the regional
account settings (default VPC removal, EBS encryption, ...) are made, in every account."""

from __future__ import annotations

from lzgen.model import OrgFile


def landing_zone_regions(org: OrgFile) -> list[str]:
    """The home region first, then every other region the landing zone acts in, sorted: where
    VPCs, transit gateways, ECS clusters and Service Catalog portfolios are."""
    home = org.organization.home_region
    used = {v.region for v in org.vpcs} | {t.region for t in org.transit_gateways}
    used |= {c.region for c in org.ecs_clusters}
    if org.service_catalog is not None:
        used |= {p.region for p in org.service_catalog.portfolios}
    return [home, *sorted(used - {home})]
