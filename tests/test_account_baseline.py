"""The mandatory account baseline: every account's home-region stack (the management account's
organization stack and the log archive's included) holds the floor, the regional settings are
in every region the landing zone uses (but those an allowed-regions policy denies the account),
alternate contacts come from the file, and dropping a
setting below the floor needs a reason (LZ7007).

Same conventions as test_rules.py for snippets; ``FAILING`` here counts for test_rules.py's
every-code check. Examples render in-process (no terraform).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from helpers import diagnose, diagnostics, org
from lzgen.load import load_text
from lzgen.pipeline import check_document, render_tree

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((REPO / "examples").glob("*.yaml"))
RESOURCE = re.compile(r'^resource "(?P<type>[^"]+)" "(?P<name>[^"]+)"', re.MULTILINE)

REGIONAL = {
    "aws_ebs_encryption_by_default",
    "aws_ec2_instance_metadata_defaults",
    "aws_ebs_snapshot_block_public_access",
    "aws_ec2_image_block_public_access",
    # the default VPC's removal: lzgen's runbook, its role and policy, the association
    "aws_ssm_document",
    "aws_iam_role",
    "aws_iam_role_policy",
    "aws_ssm_association",
}
ACCOUNT_WIDE = {"aws_s3_account_public_access_block"}
CONTACT = "aws_account_alternate_contact"

Expected = list[tuple[str, int, int]]

FAILING: list[tuple[str, str, Expected]] = [
    (
        "LZ7007-opt-out-without-reason",
        """
        account_settings:
          - accounts: [network]
            imdsv2_required: false
        """,
        [("LZ7007", 3, 22)],
    ),
    (
        "LZ7007-two-opt-outs-in-flow-style",
        """
        account_settings:
          - { ous: [Workloads], ebs_encryption_by_default: false, s3_block_public_access: false }
        """,
        [("LZ7007", 2, 52), ("LZ7007", 2, 83)],
    ),
]

PASSING: list[tuple[str, str]] = [
    (
        "opt-out-with-reason",
        """
        account_settings:
          - accounts: [network]
            ami_block_public_access: false
            opt_out_reason: "publishes public AMIs for customers (RISK-42)"
        """,
    ),
    (
        "floor-setting-true-is-redundant-but-valid",
        """
        account_settings:
          - { accounts: all, ebs_encryption_by_default: true, s3_block_public_access: true }
        """,
    ),
]


@pytest.mark.parametrize(("snippet", "expected"), [pytest.param(s, e, id=i) for i, s, e in FAILING])
def test_failing_snippet(snippet: str, expected: Expected) -> None:
    assert diagnose(org(snippet)) == expected


@pytest.mark.parametrize("snippet", [pytest.param(s, id=i) for i, s in PASSING])
def test_passing_snippet(snippet: str) -> None:
    assert diagnose(org(snippet)) == []


def test_opt_out_message_and_hint_name_the_fix() -> None:
    (d,) = diagnostics(org(FAILING[0][1]))
    assert d.path == "account_settings[0].imdsv2_required"
    assert "imdsv2_required: false" in d.message
    assert "opt_out_reason" in d.hint


def _render(text: str, source: str = "org.yaml") -> dict[str, str]:
    doc = load_text(text, source)
    if Path(source).is_absolute():
        doc.base = Path(source).resolve().parent
    checked = check_document(doc)
    assert checked.plan is not None, [(d.code, d.line, d.message) for d in checked.diagnostics]
    return render_tree(checked.plan, "0" * 64)


def _resources(files: dict[str, str], stack: str) -> set[str]:
    """Resource types of the stack's account_settings.tf (empty when it has none)."""
    text = files.get(f"{stack}/account_settings.tf", "")
    return {m["type"] for m in RESOURCE.finditer(text)}


def _home_stacks(data: dict[str, object]) -> dict[str, str]:
    """Account name -> its home-region stack; the management account's is the organization
    stack unless it is listed by id."""
    organization = data["organization"]
    assert isinstance(organization, dict)
    home = organization["home_region"]
    accounts = data.get("accounts") or []
    assert isinstance(accounts, list)
    stacks = {a["name"]: f"accounts/{a['name']}/{home}" for a in accounts}
    if all(a.get("id") != organization["management_account_id"] for a in accounts):
        stacks["(management)"] = "organization"
    return stacks


@pytest.mark.parametrize("source", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_every_account_home_stack_holds_the_floor(source: Path) -> None:
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    files = _render(source.read_text(encoding="utf-8"), str(source))
    contacts = (data.get("baseline") or {}).get("alternate_contacts") or {}
    floor = REGIONAL | ACCOUNT_WIDE | ({CONTACT} if contacts else set())
    opted_out = any(v is False for e in data.get("account_settings") or [] for v in e.values())
    assert not opted_out, "the examples opt out of nothing"
    home_stacks = _home_stacks(data)
    for name, stack in home_stacks.items():
        assert floor <= _resources(files, stack), f"{source.name}: {name} ({stack})"
    archive = (data.get("baseline") or {}).get("log_archive_account")
    if archive:
        assert floor <= _resources(files, home_stacks[archive])


@pytest.mark.parametrize("source", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_regional_settings_in_every_vpc_region_and_account_wide_only_at_home(
    source: Path,
) -> None:
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    files = _render(source.read_text(encoding="utf-8"), str(source))
    home = data["organization"]["home_region"]
    for vpc in data.get("vpcs") or []:
        stack = f"accounts/{vpc['account']}/{vpc['region']}"
        found = _resources(files, stack)
        assert found >= REGIONAL, stack
        if vpc["region"] != home:
            assert not found & (ACCOUNT_WIDE | {CONTACT}), stack


def test_multi_region_network_account_gets_the_floor_in_both_regions() -> None:
    source = REPO / "examples" / "multi-region.yaml"
    files = _render(source.read_text(encoding="utf-8"), str(source))
    assert _resources(files, "accounts/network/eu-west-1") >= REGIONAL | ACCOUNT_WIDE
    assert _resources(files, "accounts/network/us-east-1") >= REGIONAL
    # the log archive account had no account_settings entry: it gets the floor anyway
    assert _resources(files, "accounts/log-archive/eu-west-1") >= REGIONAL | ACCOUNT_WIDE


def test_every_account_gets_the_regional_floor_in_every_region_the_landing_zone_uses() -> None:
    """multi-region.yaml: payments has VPCs in eu-west-1 only, yet us-east-1 is in use (the
    network account's VPC there): its default VPC there goes too."""
    source = REPO / "examples" / "multi-region.yaml"
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    files = _render(source.read_text(encoding="utf-8"), str(source))
    regions = {data["organization"]["home_region"]} | {v["region"] for v in data["vpcs"]}
    assert regions == {"eu-west-1", "us-east-1"}
    assert "us-east-1" not in {v["region"] for v in data["vpcs"] if v["account"] == "payments"}
    for account in data["accounts"]:
        for region in regions:
            stack = f"accounts/{account['name']}/{region}"
            assert _resources(files, stack) >= REGIONAL, stack


def test_allowed_regions_keeps_the_regional_floor_out_of_regions_it_denies() -> None:
    """allowed-regions on Workloads allows us-east-1 only: app-a's floor stays there (the
    runbook's role is not exempt from the policy), while network, outside its reach, also gets
    it in eu-west-1, where its VPC is."""
    files = _render(
        org(
            """
            baseline:
              log_archive_account: network
              service_control_policies: [{ name: allowed-regions, regions: [us-east-1] }]
              attach: { ous: [Workloads] }
            vpcs:
              - { name: hub, account: network, region: eu-west-1, cidr: 10.0.0.0/16, azs: [a, b],
                  nat_gateways: none, subnets: [{ name: app, type: private, size: 24 }] }
            """
        )
    )
    assert _resources(files, "accounts/network/eu-west-1") >= REGIONAL
    assert _resources(files, "accounts/network/us-east-1") >= REGIONAL
    assert _resources(files, "accounts/app-a/us-east-1") >= REGIONAL
    assert not _resources(files, "accounts/app-a/eu-west-1")


def test_imdsv2_defaults_and_public_access_block_values() -> None:
    files = _render(org())
    text = files["accounts/network/us-east-1/account_settings.tf"]
    assert 'http_tokens                 = "required"' in text
    assert "http_put_response_hop_limit = 2" in text
    assert 'http_endpoint               = "enabled"' in text
    assert 'instance_metadata_tags      = "disabled"' in text
    assert 'state = "block-all-sharing"' in text
    assert 'state = "block-new-sharing"' in text
    for key in (
        "block_public_acls",
        "block_public_policy",
        "ignore_public_acls",
        "restrict_public_buckets",
    ):
        assert re.search(rf"^  {key} += true$", text, re.MULTILINE), key


CONTACTS = """
        baseline:
          log_archive_account: network
          alternate_contacts:
            security: { name: Sec Team, title: CISO, email: sec@example.com, phone: "+1 555 0100" }
            billing: { name: Finance, title: AP, email: ap@example.com, phone: "+1 555 0102" }
        """


def test_alternate_contacts_are_rendered_in_every_account_without_account_id() -> None:
    files = _render(org(CONTACTS))
    for stack in ("organization", "accounts/network/us-east-1", "accounts/app-a/us-east-1"):
        text = files[f"{stack}/account_settings.tf"]
        names = [m["name"] for m in RESOURCE.finditer(text) if m["type"] == CONTACT]
        assert names == ["security", "billing"], stack  # operations is not given: unmanaged
        assert 'alternate_contact_type = "SECURITY"' in text
        assert 'email_address          = "sec@example.com"' in text
        assert 'phone_number           = "+1 555 0102"' in text
        assert "account_id" not in text


def test_no_contacts_without_them_in_the_file() -> None:
    files = _render(org())
    assert all(CONTACT not in text for text in files.values())


def test_bad_contact_email_is_a_shape_error() -> None:
    found = diagnose(org(CONTACTS.replace("sec@example.com", "not-an-email")))
    assert [(line, column) for _, line, column in found] == [(4, 53)]
    assert found[0][0].startswith("LZ1")


def test_opt_out_with_reason_removes_just_that_setting_for_just_that_account() -> None:
    files = _render(org(CONTACTS + PASSING[0][1]))
    network = _resources(files, "accounts/network/us-east-1")
    app = _resources(files, "accounts/app-a/us-east-1")
    management = _resources(files, "organization")
    everything = REGIONAL | ACCOUNT_WIDE | {CONTACT}
    assert network == everything - {"aws_ec2_image_block_public_access"}
    assert app == everything
    assert management == everything


def test_opt_out_wins_over_a_redundant_true_from_another_entry() -> None:
    files = _render(
        org(
            """
            account_settings:
              - { accounts: all, s3_block_public_access: true }
              - { accounts: [app-a], s3_block_public_access: false, opt_out_reason: "static site" }
            """
        )
    )
    assert "aws_s3_account_public_access_block" not in _resources(files, "accounts/app-a/us-east-1")
    assert "aws_s3_account_public_access_block" in _resources(files, "accounts/network/us-east-1")
    assert "aws_s3_account_public_access_block" in _resources(files, "organization")


def test_management_account_listed_by_id_gets_the_floor_in_its_own_stack() -> None:
    files = _render(
        org(
            """
            accounts:
              - { name: mgmt, email: root@example.com, ou: Infrastructure, id: "111111111111" }
              - { name: app-a, email: aws+app-a@example.com, ou: Workloads/Prod }
            """
        )
    )
    assert _resources(files, "accounts/mgmt/us-east-1") >= REGIONAL | ACCOUNT_WIDE
    assert _resources(files, "organization") == set()


def test_a_blank_reason_is_no_reason() -> None:
    found = diagnose(
        org(
            """
            account_settings:
              - { accounts: [network], imdsv2_required: false, opt_out_reason: "  " }
            """
        )
    )
    assert found == [("LZ1012", 2, 68)]
