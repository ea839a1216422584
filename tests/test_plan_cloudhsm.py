"""The CloudHSM plan (plan/cloudhsm.py), pure and fast: which stack holds a cluster, HSMs
round-robin over the tier's AZs, who the security group admits, the key store's switch and
certificate copy, and resource counts equal to the rendered blocks the default plans.

Variants of examples/cloudhsm-saas.yaml are built as models (plan sees only valid input, so
they skip the rules); the example itself goes through ``load_and_validate``.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
import yaml

from conftest import REPO
from lzgen.load import load_text
from lzgen.model import OrgFile
from lzgen.model.document import referenced_files
from lzgen.pipeline import check_document, load_and_validate
from lzgen.plan import build_plan
from lzgen.plan.types import LandingZone, Stack
from lzgen.render import render

EXAMPLE = REPO / "examples" / "cloudhsm-saas.yaml"
CERT = "certs/customerCA.crt"
HOME = "accounts/security/us-east-1"
FILE = "cloudhsm_payments.tf"
RESOURCE = re.compile(r'^resource "([^"]+)" "([^"]+)" \{\n(  count = )?', re.MULTILINE)


def _files() -> dict[str, str]:
    return {CERT: (REPO / "examples" / CERT).read_text(encoding="utf-8")}


def _data() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    return data


def _variant(**cluster: Any) -> LandingZone:
    data = _data()
    data["cloudhsm_clusters"][0].update(cluster)
    data["cloudhsm_clusters"][0] = {
        k: v for k, v in data["cloudhsm_clusters"][0].items() if v is not None
    }
    return build_plan(OrgFile.model_validate(data), _files())


def _stack(plan: LandingZone, path: str = HOME) -> Stack:
    (stack,) = [s for s in plan.stacks if s.path == path]
    return stack


def _tree(plan: LandingZone) -> dict[str, str]:
    return render(plan)


def _blocks(text: str) -> list[tuple[str, str, bool]]:
    """(type, name, behind a count) of every resource block of a text."""
    return [(t, n, bool(c)) for t, n, c in RESOURCE.findall(text)]


@pytest.fixture(scope="module")
def example() -> LandingZone:
    org, diagnostics = load_and_validate(EXAMPLE)
    assert org is not None, [(d.code, d.line, d.message) for d in diagnostics]
    assert referenced_files(org) == [CERT]
    return build_plan(org, _files())


def test_the_cluster_lives_in_the_hsm_vpcs_account_stack_only(example: LandingZone) -> None:
    tree = _tree(example)
    holders = {p.rsplit("/", 1)[0] for p, text in tree.items() if "aws_cloudhsm_v2" in text}
    assert holders == {HOME}
    stack = _stack(example)
    assert (stack.account, stack.region) == ("security", "us-east-1")
    text = tree[f"{HOME}/{FILE}"]
    # the VPC's subnets directly, never a remote state
    assert "terraform_remote_state" not in text
    assert "    aws_subnet.hsm_hsm_a.id,\n    aws_subnet.hsm_hsm_b.id,\n" in text
    assert not [d for d in stack.depends_on if d.startswith("peerings/")]


def test_hsms_are_round_robin_over_the_tiers_azs() -> None:
    text = _tree(_variant(hsms=5))[f"{HOME}/{FILE}"]
    hsms = re.findall(
        r'resource "aws_cloudhsm_v2_hsm" "([^"]+)" \{\n.*\n  subnet_id  = aws_subnet\.([^.]+)\.id',
        text,
    )
    assert hsms == [
        ("payments_1", "hsm_hsm_a"),
        ("payments_2", "hsm_hsm_b"),
        ("payments_3", "hsm_hsm_a"),
        ("payments_4", "hsm_hsm_b"),
        ("payments_5", "hsm_hsm_a"),
    ]


def test_the_security_group_admits_the_hsm_ports_from_the_clients_only(
    example: LandingZone,
) -> None:
    text = _tree(example)[f"{HOME}/{FILE}"]
    rules = re.findall(
        r"  security_group_id = aws_cloudhsm_v2_cluster\.payments\.security_group_id\n"
        r'  description       = "[^"]+"\n'
        r'  ip_protocol       = "tcp"\n'
        r"  from_port         = 2223\n"
        r"  to_port           = 2225\n"
        r'  cidr_ipv4         = "([^"]+)"\n',
        text,
    )
    assert rules == ["10.50.0.0/20", "192.168.50.0/24"]
    assert [t for t, _, _ in _blocks(text)].count("aws_vpc_security_group_ingress_rule") == 2
    assert "egress" not in text
    only_vpcs = _tree(_variant(clients={"vpcs": ["app-vpc"]}))[f"{HOME}/{FILE}"]
    assert "192.168.50.0/24" not in only_vpcs
    assert only_vpcs.count("aws_vpc_security_group_ingress_rule") == 1


def test_counts_are_what_the_default_plans(example: LandingZone) -> None:
    for plan, hsms, clients in ((example, 2, 2), (_variant(hsms=3), 3, 2)):
        stack = _stack(plan)
        text = _tree(plan)[f"{HOME}/{FILE}"]
        blocks = _blocks(text)
        assert [(t, n) for t, n, counted in blocks if counted] == [
            ("aws_kms_custom_key_store", "payments")
        ]
        assert dict(stack.contributions)[FILE] == 1 + hsms + clients
        assert dict(stack.contributions)[FILE] == len([b for b in blocks if not b[2]])


def test_the_key_store_is_off_by_default_and_its_certificate_copied(
    example: LandingZone,
) -> None:
    tree = _tree(example)
    variables = tree[f"{HOME}/variables.tf"]
    assert 'variable "payments_custom_key_store" {' in variables
    assert "  type        = bool\n  default     = false\n" in variables
    assert 'variable "payments_kmsuser_password" {' in variables
    assert "  default     = null\n  sensitive   = true\n" in variables
    assert tree[f"{HOME}/payments-trust-anchor.crt"] == _files()[CERT]
    text = tree[f"{HOME}/{FILE}"]
    assert "  count = var.payments_custom_key_store ? 1 : 0\n" in text
    assert '  trust_anchor_certificate = file("${path.module}/payments-trust-anchor.crt")\n' in text
    assert "  key_store_password       = var.payments_kmsuser_password\n" in text


def test_without_a_key_store_there_is_no_switch_nor_certificate() -> None:
    tree = _tree(_variant(kms_custom_key_store=None))
    assert f"{HOME}/variables.tf" not in tree
    assert not [p for p in tree if p.endswith(".crt")]
    assert "aws_kms_custom_key_store" not in tree[f"{HOME}/{FILE}"]
    assert "custom_key_store" not in tree[f"{HOME}/outputs.tf"]


def test_the_readme_walks_through_both_phases(example: LandingZone) -> None:
    readme = _tree(example)["README.md"]
    section = readme[readme.index("## CloudHSM cluster: payments") :]
    steps = [
        "aws cloudhsmv2 describe-clusters",
        "openssl x509 -req",
        "aws cloudhsmv2 initialize-cluster",
        "cluster activate",
        "user create --username kmsuser --role crypto-user",
        "TF_VAR_payments_custom_key_store=true",
        "TF_VAR_payments_kmsuser_password",
        "aws kms connect-custom-key-store",
        "--allow-remove peerings/saas-acme",
    ]
    positions = [section.index(s) for s in steps]
    assert positions == sorted(positions)
    assert "- app-vpc: 10.50.0.0/20\n- saas-acme: 192.168.50.0/24\n" in section


def test_key_store_variables_of_a_hyphenated_cluster_are_shell_names() -> None:
    """TF_VAR_<name> must be exportable: `pay-ments` gives `pay_ments_kmsuser_password`."""
    text = (
        (REPO / "examples" / "cloudhsm-saas.yaml")
        .read_text()
        .replace("  - name: payments\n", "  - name: pay-ments\n")
    )
    assert "name: pay-ments" in text
    doc = load_text(text, "org.yaml")
    doc.base = REPO / "examples"
    checked = check_document(doc)
    assert checked.plan is not None, [d.message for d in checked.diagnostics]
    files = render(checked.plan)
    variables = next(v for k, v in files.items() if k.endswith("/variables.tf"))
    assert 'variable "pay_ments_custom_key_store"' in variables
    assert 'variable "pay_ments_kmsuser_password"' in variables
