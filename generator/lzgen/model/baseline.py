"""The organization security baseline: log archive, organization trail, flow log destination,
service control policies from lzgen's library and where they are attached."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Discriminator, Field, StringConstraints, Tag

from lzgen.model.common import StrictModel
from lzgen.model.organization import RoleName

PolicyName = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9-]{0,63}$")]


class ParametrisedPolicy(StrictModel):
    """A library policy that takes parameters: ``{name: allowed-regions, regions: [...]}``."""

    name: PolicyName
    regions: Annotated[list[str], Field(min_length=1)]


def _policy_form(value: Any) -> str:
    return "parametrised" if isinstance(value, dict) else "name"


# A name or a mapping, told apart by the YAML node's kind, so a mistake in one form is not also
# reported as a mismatch with the other.
PolicyRef = Annotated[
    Annotated[PolicyName, Tag("name")] | Annotated[ParametrisedPolicy, Tag("parametrised")],
    Discriminator(_policy_form),
]


class Attach(StrictModel):
    """Where the service control policies are attached: OU paths and account names."""

    ous: list[str] = []
    accounts: list[str] = []


class AlternateContact(StrictModel):
    """Who AWS contacts about one kind of matter (``aws_account_alternate_contact``)."""

    name: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    title: Annotated[str, StringConstraints(min_length=1, max_length=50)]
    email: Annotated[str, StringConstraints(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$", max_length=254)]
    phone: Annotated[str, StringConstraints(pattern=r"^[\s0-9()+-]{1,25}$")]


class AlternateContacts(StrictModel):
    """The alternate contacts every account gets; a kind left out stays unmanaged."""

    security: AlternateContact | None = None
    operations: AlternateContact | None = None
    billing: AlternateContact | None = None


_Email = Annotated[str, StringConstraints(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$", max_length=254)]
_Days = Annotated[int, Field(ge=1, le=36500)]


class LogRetention(StrictModel):
    """Object lock on every log object (default retention), and the lifecycle that follows it:
    GOVERNANCE can be lifted by a principal allowed s3:BypassGovernanceRetention (only the
    deployer and break-glass roles are); COMPLIANCE by no one, the root user included."""

    mode: Literal["GOVERNANCE", "COMPLIANCE"] = "GOVERNANCE"
    days: _Days = 365
    # current log objects expire after this many days; None keeps them until you decide
    expire_days: _Days | None = None


class Alarms(StrictModel):
    """The CIS metric filters and alarms on the organization trail's log group, notifying one
    SNS topic in the management account."""

    enabled: bool = True
    emails: list[_Email] = []


class Baseline(StrictModel):
    log_archive_account: str
    organization_trail: bool = True
    flow_logs_destination: Literal["central", "local"] = "local"
    log_retention: LogRetention = LogRetention()
    alarms: Alarms = Alarms()
    # the role exempt, with the deployer role, from the log archive's denies of destructive actions
    # and from the core guardrails at the root (plan/guardrails.py), in every member account
    break_glass_role: RoleName = "lzgen-break-glass"
    service_control_policies: list[PolicyRef] = []
    attach: Attach = Attach()
    # set in every account's own stack, for the account it runs in (account settings' floor)
    alternate_contacts: AlternateContacts = AlternateContacts()
