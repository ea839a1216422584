"""The service principals of the security services (``security:``): trusted access in the
organization (plan/organization.py) and delegated administration to the audit account."""

from __future__ import annotations

from lzgen.model import OrgFile

GUARDDUTY = "guardduty.amazonaws.com"
GUARDDUTY_MALWARE = "malware-protection.guardduty.amazonaws.com"
SECURITY_HUB = "securityhub.amazonaws.com"
CONFIG = "config.amazonaws.com"
CONFIG_MULTI_ACCOUNT = "config-multiaccountsetup.amazonaws.com"
ACCESS_ANALYZER = "access-analyzer.amazonaws.com"


def delegated_services(org: OrgFile) -> list[str]:
    """The service principals the audit account is delegated administrator of, sorted."""
    security = org.security
    if security is None:
        return []
    found = []
    if security.guardduty.enabled:
        found.append(GUARDDUTY)
    if security.security_hub.enabled:
        found.append(SECURITY_HUB)
    if security.config.enabled:
        found += [CONFIG, CONFIG_MULTI_ACCOUNT]
    if security.access_analyzer.enabled:
        found.append(ACCESS_ANALYZER)
    return sorted(found)


def security_services(org: OrgFile) -> list[str]:
    """The trusted-access principals the security services need, sorted."""
    found = delegated_services(org)
    if org.security is not None and org.security.guardduty.enabled:
        found.append(GUARDDUTY_MALWARE)  # malware scans' service-linked role in every account
    return sorted(found)
