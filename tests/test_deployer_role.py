"""The deployer role's CloudFormation template (deployer-role/deployer-role.yaml), which the
service-managed StackSet deploys to every member account: cfn-lint passes on it in every
rendered tree, and its trust is the pipeline role alone, from inside the organization."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from cfnlint.api import ManualArgs, lint

from conftest import RenderedExamples, tree_params
from helpers import org
from lzgen.load import load_text
from lzgen.pipeline import check_document, render


class _CfnLoader(yaml.SafeLoader):
    """YAML with CloudFormation's short-form tags (!Ref, !GetAtt) read as plain mappings."""


def _tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> dict[str, Any]:
    value = loader.construct_scalar(node) if isinstance(node, yaml.ScalarNode) else None
    return {suffix: value}


_CfnLoader.add_multi_constructor("!", _tag)


def _template(root: Path) -> Path:
    return root / "deployer-role" / "deployer-role.yaml"


@pytest.mark.parametrize("tree", tree_params())
def test_cfn_lint_passes(tree: str, rendered_examples: RenderedExamples) -> None:
    template = _template(rendered_examples[tree])
    assert template.is_file(), "every example and case has member accounts"
    region = yaml.safe_load(rendered_examples.source(tree).read_text(encoding="utf-8"))[
        "organization"
    ]["home_region"]
    matches = lint(template.read_text(encoding="utf-8"), config=ManualArgs(regions=[region]))
    # errors and warnings; informational notes (I*) are advice, not findings
    findings = [str(m) for m in matches if not m.rule.id.startswith("I")]
    assert findings == []


@pytest.mark.parametrize("tree", tree_params())
def test_the_role_trusts_only_the_pipeline_role_of_this_organization(
    tree: str, rendered_examples: RenderedExamples
) -> None:
    org = yaml.safe_load(rendered_examples.source(tree).read_text(encoding="utf-8"))["organization"]
    text = _template(rendered_examples[tree]).read_text(encoding="utf-8")
    role = yaml.load(text, Loader=_CfnLoader)["Resources"]["DeployerRole"]["Properties"]  # noqa: S506
    pipeline = org.get("pipeline", {}).get("role", "lzgen-pipeline")
    assert role["RoleName"] == org.get("deployer_role", "lzgen-deployer")
    (statement,) = role["AssumeRolePolicyDocument"]["Statement"]
    assert statement["Effect"] == "Allow"
    assert statement["Action"] == "sts:AssumeRole"
    assert statement["Principal"] == {
        "AWS": f"arn:aws:iam::{org['management_account_id']}:role/{pipeline}"
    }
    assert statement["Condition"] == {
        "StringEquals": {"aws:PrincipalOrgID": {"Ref": "OrganizationId"}}
    }


def test_role_names_yaml_would_misread_are_quoted() -> None:
    """IAM role names may start with '@' or hold ',' and '=': the template quotes them, so YAML
    reads them as the names they are."""
    text = org("").replace(
        "management_account_id:", 'deployer_role: "@lz,deployer=1"\n  management_account_id:'
    )
    checked = check_document(load_text(text, "org.yaml"))
    assert checked.plan is not None, [d.message for d in checked.diagnostics]
    template = render(checked.plan)["deployer-role/deployer-role.yaml"]
    role = yaml.load(template, Loader=_CfnLoader)["Resources"]["DeployerRole"]["Properties"]  # noqa: S506
    assert role["RoleName"] == "@lz,deployer=1"
    findings = list(lint(template, config=ManualArgs(regions=["us-east-1"])))
    assert [str(m) for m in findings if not m.rule.id.startswith("I")] == []
