# The deployer role in every member account of the organization, created accounts and invited
# ones alike: a service-managed StackSet deploys deployer-role.yaml to the root, so every
# account in the organization gets it, and automatic deployment gives it to every account that
# joins later. (AWS creates OrganizationAccountAccessRole only in accounts made with
# CreateAccount, so member stacks never assume that.) StackSets never deploy to the management
# account: its stacks run as the pipeline role itself.
#
# Before the first apply, activate trusted access for StackSets once (README, First apply):
#   aws cloudformation activate-organizations-access
locals {
  organization_id = data.terraform_remote_state.organization.outputs.organization_id
  root_id         = data.terraform_remote_state.organization.outputs.root_id
}

resource "aws_cloudformation_stack_set" "deployer_role" {
  name             = "lzgen-deployer-role"
  description      = "The lzgen-deployer role that lzgen's member-account stacks assume"
  permission_model = "SERVICE_MANAGED"
  capabilities     = ["CAPABILITY_NAMED_IAM"]
  template_body    = file("${path.module}/deployer-role.yaml")

  parameters = {
    OrganizationId = local.organization_id
  }

  auto_deployment {
    enabled                          = true
    retain_stacks_on_account_removal = false
  }

  operation_preferences {
    failure_tolerance_count = 0
    max_concurrent_count    = 10
  }

  lifecycle {
    # AWS sets it for service-managed stack sets; it is not ours to change
    ignore_changes = [administration_role_arn]
  }
}

# IAM is global: one region deploys the role.
resource "aws_cloudformation_stack_set_instance" "deployer_role" {
  stack_set_name = aws_cloudformation_stack_set.deployer_role.name
  region         = "eu-west-1"

  deployment_targets {
    organizational_unit_ids = [local.root_id]
  }
}
