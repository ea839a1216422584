"""Rules of Service Catalog portfolios: the user's blueprint folder (LZ5001), portfolios
(LZ5007), blueprints and versions (LZ5002), template constraints' parameters (LZ5003), kinds
(LZ5004), VPCs and tiers (LZ5005) and ECS clusters (LZ5006), IAM names (LZ5008), roles created
twice (LZ5009), and the ECS
clusters' references (LZ2025).

Same conventions as test_rules.py: ``helpers.org`` puts the snippet first, so line 1 is the
snippet's first line. The blueprints are read from the org file's folder by the load stage, so
every case writes the org file under ``tmp_path`` next to a copy of ``tests/blueprints`` (the
blueprint ``svc``: one parameter of each kind, versions v1 and v2, v2 without ``Mode``) and
validates the file. ``FAILING`` counts for test_rules.py's every-code check.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import org
from lzgen.cli import app
from lzgen.diagnostics import Diagnostic
from lzgen.pipeline import load_and_validate

Expected = list[tuple[str, int, int]]
BLUEPRINTS = Path(__file__).parent / "blueprints"

VALID = """
service_catalog:
  blueprints: own
  portfolios:
    - name: platform
      account: network
      region: us-east-1
      provider_name: Platform Team
      share_with: { ous: [Workloads] }
      principals: [ProductTeam]
      products:
        - blueprint: svc
          versions: [v1]
          launch_role: SCLaunch-svc
          template_constraints:
            VpcId: { vpc: shared }
            Subnets: { vpc: shared, tier: app }
            ClusterName: { ecs_cluster: apps }
            DesiredCount: { allowed: [1, 2] }
ecs_clusters:
  - { name: apps, account: app-a, region: us-east-1 }
vpcs:
  - name: shared
    account: network
    region: us-east-1
    cidr: 10.0.0.0/16
    azs: [a, b]
    nat_gateways: none
    subnets:
      - { name: app, type: private, size: 24, share_with: { ous: [Workloads] } }
      - { name: data, type: isolated, size: 24 }
    endpoints: { gateway: [s3] }
"""


# A second portfolio of the same account, publishing svc with the first one's launch role
SECOND = """    - name: second
      account: network
      region: us-east-1
      provider_name: Other Team
      products:
        - blueprint: svc
          launch_role: SCLaunch-svc
"""

# The first portfolio also publishes the blueprint api (it requires API Gateway's logging role),
# and a second one in the same region does too
API_TOO = "            DesiredCount: { allowed: [1, 2] }\n        - blueprint: api\n"
API_SECOND = SECOND.replace("blueprint: svc", "blueprint: api").replace(
    "SCLaunch-svc", "SCLaunch-api-other"
)


def case(*edits: tuple[str, str]) -> str:
    """VALID with each (old, new) replaced once; the old text must be there."""
    text = VALID
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def _write(tmp_path: Path, snippet: str) -> Path:
    path = tmp_path / "org.yaml"
    path.write_text(org(snippet), encoding="utf-8")
    shutil.copytree(BLUEPRINTS, tmp_path / "own", dirs_exist_ok=True)
    return path


def found(tmp_path: Path, snippet: str) -> list[Diagnostic]:
    _, diagnostics = load_and_validate(_write(tmp_path, snippet))
    return diagnostics


def one(tmp_path: Path, snippet: str) -> Diagnostic:
    diagnostics = found(tmp_path, snippet)
    assert len(diagnostics) == 1, [(d.code, d.line, d.column, d.message) for d in diagnostics]
    return diagnostics[0]


FAILING: list[tuple[str, str, Expected]] = [
    # --- LZ5001 the user's blueprint folder --------------------------------------------------
    (
        "LZ5001-missing-folder",
        case(("blueprints: own", "blueprints: mine")),
        [("LZ5001", 2, 15), ("LZ5002", 11, 22)],
    ),
    (
        "LZ5001-outside-the-folder",
        case(("blueprints: own", "blueprints: ../own")),
        [("LZ5001", 2, 15), ("LZ5002", 11, 22)],
    ),
    # --- LZ5007 portfolios -------------------------------------------------------------------
    (
        "LZ5007-unknown-account",
        case(("account: network\n      region", "account: netwrk\n      region")),
        [("LZ5007", 5, 16)],
    ),
    (
        "LZ5007-unknown-share-target",
        # the tier is shared with Workloads, the portfolio with an OU that does not exist
        case(
            (
                "share_with: { ous: [Workloads] }\n      principals",
                "share_with: { ous: [Workload] }\n      principals",
            )
        ),
        [("LZ5007", 8, 27)],
    ),
    (
        "LZ5007-name-twice",
        case(
            (
                "ecs_clusters:",
                "    - { name: platform, account: network, region: us-east-1, "
                "provider_name: P }\necs_clusters:",
            )
        ),
        [("LZ5007", 19, 15)],
    ),
    # --- LZ5002 blueprints and versions ------------------------------------------------------
    ("LZ5002-unknown-blueprint", case(("blueprint: svc", "blueprint: svcs")), [("LZ5002", 11, 22)]),
    (
        "LZ5002-unknown-version",
        case(("versions: [v1]", "versions: [v1, v3]")),
        [("LZ5002", 12, 26)],
    ),
    ("LZ5002-no-version", case(("versions: [v1]", "versions: []")), [("LZ5002", 12, 21)]),
    (
        "LZ5002-listed-twice",
        case(("ecs_clusters:", "        - { blueprint: svc }\necs_clusters:")),
        [("LZ5002", 19, 24)],
    ),
    # --- LZ5003 a constrained parameter exists -----------------------------------------------
    (
        "LZ5003-unknown-parameter",
        case(("DesiredCount: { allowed", "DesiredCnt: { allowed")),
        [("LZ5003", 18, 13)],
    ),
    (
        "LZ5003-not-in-every-version",
        case(
            ("versions: [v1]", "versions: [v1, v2]"),
            ("DesiredCount: { allowed: [1, 2] }", 'Mode: { allowed: ["on"] }'),
        ),
        [("LZ5003", 18, 13)],
    ),
    # --- LZ5004 the kind fits the parameter --------------------------------------------------
    (
        "LZ5004-vpc-on-a-subnet-list",
        case(("Subnets: { vpc: shared, tier: app }", "Subnets: { vpc: shared }")),
        [("LZ5004", 16, 13)],
    ),
    (
        "LZ5004-tier-on-a-vpc",
        case(("VpcId: { vpc: shared }", "VpcId: { vpc: shared, tier: app }")),
        [("LZ5004", 15, 13)],
    ),
    (
        "LZ5004-cluster-on-a-number",
        case(("DesiredCount: { allowed: [1, 2] }", "DesiredCount: { ecs_cluster: apps }")),
        [("LZ5004", 18, 13)],
    ),
    ("LZ5004-not-a-number", case(("allowed: [1, 2]", "allowed: [1, two]")), [("LZ5004", 18, 42)]),
    ("LZ5004-not-allowed", case(("allowed: [1, 2]", "allowed: [1, 5]")), [("LZ5004", 18, 42)]),
    # --- LZ5005 pinned VPCs and tiers --------------------------------------------------------
    (
        "LZ5005-unknown-vpc",
        case(("VpcId: { vpc: shared }", "VpcId: { vpc: shard }")),
        [("LZ5005", 15, 27)],
    ),
    ("LZ5005-unknown-tier", case(("tier: app }", "tier: ap }")), [("LZ5005", 16, 43)]),
    (
        "LZ5005-tier-not-shared",
        case(("tier: app }", "tier: data }")),
        [("LZ5005", 16, 43)],
    ),
    (
        "LZ5005-vpc-not-shared",
        case(
            (
                "      - { name: app, type: private, size: 24, share_with: { ous: [Workloads] } }",
                "      - { name: app, type: private, size: 24 }",
            ),
            ("            Subnets: { vpc: shared, tier: app }\n", ""),
        ),
        [("LZ5005", 15, 27)],
    ),
    (
        "LZ5005-another-region",
        case(("region: us-east-1\n    cidr", "region: us-west-2\n    cidr")),
        [("LZ5005", 15, 27), ("LZ5005", 16, 29)],
    ),
    # --- LZ5006 pinned ECS clusters ----------------------------------------------------------
    (
        "LZ5006-unknown-cluster",
        case(("ecs_cluster: apps }", "ecs_cluster: app }")),
        [("LZ5006", 17, 41)],
    ),
    (
        "LZ5006-missing-in-an-account",
        case(
            (
                "{ name: apps, account: app-a, region: us-east-1 }",
                "{ name: apps, account: network, region: us-east-1 }",
            )
        ),
        [("LZ5006", 17, 41)],
    ),
    # --- LZ5008 IAM names --------------------------------------------------------------------
    (
        "LZ5008-launch-role",
        case(("launch_role: SCLaunch-svc", "launch_role: SC Launch")),
        [("LZ5008", 13, 24)],
    ),
    (
        "LZ5008-principal",
        case(("principals: [ProductTeam]", "principals: [Product Team]")),
        [("LZ5008", 9, 20)],
    ),
    (
        "LZ5008-create-a-pattern",
        case(("principals: [ProductTeam]", "principals: [Team*]\n      create_principals: true")),
        [("LZ5008", 9, 20)],
    ),
    # --- LZ5009 a role created twice in one account ------------------------------------------
    # both portfolios create SCLaunch-svc in their publishing account, network
    (
        "LZ5009-two-portfolios",
        case(("ecs_clusters:\n", SECOND + "ecs_clusters:\n")),
        [("LZ5009", 25, 24)],
    ),
    # app-a would get SCLaunch-svc as the launch role and as the principal lzgen creates
    (
        "LZ5009-launch-role-and-principal",
        case(
            (
                "principals: [ProductTeam]",
                "principals: [SCLaunch-svc]\n      create_principals: true",
            )
        ),
        [("LZ5009", 9, 20)],
    ),
    # both portfolios need API Gateway's logging role in network, us-east-1
    (
        "LZ5009-api-gateway-logging",
        case(
            ("            DesiredCount: { allowed: [1, 2] }\n", API_TOO),
            ("ecs_clusters:\n", API_SECOND + "ecs_clusters:\n"),
        ),
        [("LZ5009", 25, 22)],
    ),
    # --- LZ2025 ECS clusters ------------------------------------------------------------------
    (
        "LZ2025-unknown-account",
        case(
            (
                "{ name: apps, account: app-a, region: us-east-1 }",
                "{ name: apps, account: app-b, region: us-east-1 }",
            )
        ),
        [("LZ5006", 17, 41), ("LZ2025", 20, 28)],
    ),
    (
        "LZ2025-twice",
        case(
            (
                "ecs_clusters:\n",
                "ecs_clusters:\n  - { name: apps, account: app-a, region: us-east-1 }\n",
            )
        ),
        [("LZ2025", 21, 13)],
    ),
]


@pytest.mark.parametrize(("snippet", "expected"), [pytest.param(s, e, id=i) for i, s, e in FAILING])
def test_failing(tmp_path: Path, snippet: str, expected: Expected) -> None:
    assert [(d.code, d.line, d.column) for d in found(tmp_path, snippet)] == expected


def test_valid(tmp_path: Path) -> None:
    assert found(tmp_path, VALID) == []


# Each rule's passing side: the valid file varied where the rule looks, still clean.
PASSING: list[tuple[str, str]] = [
    # LZ5002: no `versions` publishes every version (v2 lacks Mode, which nothing pins)
    ("LZ5002-all-versions", case(("          versions: [v1]\n", ""))),
    # LZ5003/LZ5004: a parameter only v1 has, pinned in a product publishing v1 only
    (
        "LZ5004-allowed-string",
        case(("DesiredCount: { allowed: [1, 2] }", 'Mode: { allowed: ["on"] }')),
    ),
    # LZ5005: the tier shared with the account by name rather than by OU
    (
        "LZ5005-shared-by-account",
        case(("share_with: { ous: [Workloads] } }", "share_with: { accounts: [app-a] } }")),
    ),
    # LZ5005/LZ5006: the portfolio reaches only an account owning the VPC and the cluster
    (
        "LZ5005-owned-vpc",
        case(
            (
                "share_with: { ous: [Workloads] }\n      principals",
                "share_with: { accounts: [app-a] }\n      principals",
            ),
            ("    account: network\n    region", "    account: app-a\n    region"),
            ("size: 24, share_with: { ous: [Workloads] } }", "size: 24 }"),
        ),
    ),
    # LZ5007: sharing with nothing keeps the portfolio to its own account
    ("LZ5007-no-share", case(("      share_with: { ous: [Workloads] }\n", ""))),
    # LZ5008: an IAM Identity Center role pattern, lzgen not creating it
    (
        "LZ5008-sso-pattern",
        case(
            (
                "principals: [ProductTeam]",
                "principals: [aws-reserved/sso.amazonaws.com/AWSReservedSSO_Dev_*]",
            )
        ),
    ),
    # LZ5008: the default launch role, SCLaunch-svc
    ("LZ5008-default-launch-role", case(("          launch_role: SCLaunch-svc\n", ""))),
    # LZ5009: the second portfolio's launch role has a name of its own
    (
        "LZ5009-own-launch-role",
        case(
            (
                "ecs_clusters:\n",
                SECOND.replace("SCLaunch-svc", "SCLaunch-svc-other") + "ecs_clusters:\n",
            )
        ),
    ),
    # LZ5009: API Gateway's logging role is a regional setting: a second portfolio in another
    # region sets its own
    (
        "LZ5009-logging-per-region",
        case(
            ("            DesiredCount: { allowed: [1, 2] }\n", API_TOO),
            (
                "ecs_clusters:\n",
                API_SECOND.replace("us-east-1", "us-west-2") + "ecs_clusters:\n",
            ),
        ),
    ),
    # LZ2025: one cluster name in two accounts
    (
        "LZ2025-one-name-two-accounts",
        case(
            (
                "ecs_clusters:\n",
                "ecs_clusters:\n  - { name: apps, account: network, region: us-east-1 }\n",
            )
        ),
    ),
]


@pytest.mark.parametrize("snippet", [pytest.param(s, id=i) for i, s in PASSING])
def test_passing(tmp_path: Path, snippet: str) -> None:
    assert [(d.code, d.line, d.column, d.message) for d in found(tmp_path, snippet)] == []


# --- messages and hints ----------------------------------------------------------------------


def test_a_constraint_of_no_known_form_is_one_error_at_its_value(tmp_path: Path) -> None:
    d = one(tmp_path, case(("DesiredCount: { allowed: [1, 2] }", "DesiredCount: 2")))
    assert (d.code, d.line, d.column) == ("LZ1012", 18, 27)
    assert "a template constraint is a mapping with vpc, vpc and tier, ecs_cluster, or allowed" in (
        d.message
    )


def test_the_value_of_a_parameter_named_like_a_secret_is_not_echoed(tmp_path: Path) -> None:
    d = one(tmp_path, case(("DesiredCount: { allowed: [1, 2] }", "DbPassword: hunter2")))
    assert d.code == "LZ1012"
    assert "hunter2" not in d.message
    assert "got a value not shown here (its key names a secret)" in d.message


def test_unknown_parameter_exits_1_with_the_templates_parameters(tmp_path: Path) -> None:
    path = _write(tmp_path, case(("DesiredCount: { allowed", "DesiredCnt: { allowed")))
    result = CliRunner().invoke(app, ["validate", str(path)])
    assert result.exit_code == 1, result.output
    assert result.output.splitlines() == [
        f"{path}:18:13: error LZ5003: template constraint on 'DesiredCnt', a parameter that "
        "version v1 of blueprint 'svc' does not have",
        "  at service_catalog.portfolios[0].products[0].template_constraints.DesiredCnt",
        "  hint: its parameters: VpcId, Subnets, ClusterName, DesiredCount, Mode",
        "1 error, 0 warnings",
    ]


def test_unknown_blueprint_hint(tmp_path: Path) -> None:
    d = one(tmp_path, case(("blueprint: svc", "blueprint: svcs")))
    assert (d.message, d.hint) == ("unknown blueprint 'svcs'", "did you mean 'svc'?")
    assert d.path == "service_catalog.portfolios[0].products[0].blueprint"


def test_unknown_version_hint(tmp_path: Path) -> None:
    d = one(tmp_path, case(("versions: [v1]", "versions: [v3]")))
    assert (d.message, d.hint) == ("blueprint 'svc' has no version 'v3'", "its versions: v1, v2")


def test_kind_hint_names_the_pinnable_parameters(tmp_path: Path) -> None:
    d = one(tmp_path, case(("VpcId: { vpc: shared }", "VpcId: { vpc: shared, tier: app }")))
    assert d.message == (
        "`tier` constraints pin a parameter of type List<AWS::EC2::Subnet::Id>; 'VpcId' of "
        "blueprint 'svc' v1 is AWS::EC2::VPC::Id"
    )
    assert d.hint.startswith("the blueprint's pinnable parameters: VpcId: vpc, Subnets: tier,")


def test_not_allowed_hint(tmp_path: Path) -> None:
    d = one(tmp_path, case(("allowed: [1, 2]", "allowed: [1, 5]")))
    assert (d.message, d.hint) == (
        "5 is not among the AllowedValues of 'DesiredCount'",
        "the template allows: 1, 2, 3, 4",
    )


def test_tier_not_shared_names_the_account(tmp_path: Path) -> None:
    d = one(tmp_path, case(("tier: app }", "tier: data }")))
    assert d.message == (
        "portfolio 'platform' reaches 'app-a', which cannot launch into tier 'data' of VPC "
        "'shared': it is neither theirs nor shared with them"
    )


def test_missing_cluster_hint(tmp_path: Path) -> None:
    d = one(
        tmp_path,
        case(("{ name: apps, account: app-a,", "{ name: apps, account: network,")),
    )
    assert "missing in us-east-1 of app-a" in d.message
    assert "ECS clusters are not shared across accounts" in d.hint


def test_user_blueprint_problem_names_the_blueprint(tmp_path: Path) -> None:
    path = _write(tmp_path, VALID)
    (tmp_path / "own" / "svc" / "v2.yaml").unlink()
    _, diagnostics = load_and_validate(path)
    d = diagnostics[0]
    assert (d.code, d.line, d.column) == ("LZ5001", 2, 15)
    assert d.message == "blueprint svc: v2.yaml is missing"


def test_user_blueprint_named_like_a_shipped_one(tmp_path: Path) -> None:
    path = _write(tmp_path, VALID)
    shutil.copytree(tmp_path / "own" / "svc", tmp_path / "own" / "core-build-tools")
    _, diagnostics = load_and_validate(path)
    assert [(d.code, d.message) for d in diagnostics] == [
        ("LZ5001", "blueprint core-build-tools: lzgen ships a blueprint of this name")
    ]
