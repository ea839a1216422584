# IAM Identity Center: permission sets, the groups lzgen creates and account assignments. The
# instance exists already (an organization instance, enabled once); its ARN and identity store
# id come from the org file, so nothing here is looked up at plan time.
locals {
  instance_arn      = "arn:aws:sso:::instance/ssoins-7223a1b2c3d4e5f6"
  identity_store_id = "d-9067a1b2c3"
}

resource "aws_ssoadmin_permission_set" "administratoraccess" {
  name             = "AdministratorAccess"
  description      = "Full access, for the platform team"
  instance_arn     = local.instance_arn
  session_duration = "PT2H"
}

resource "aws_ssoadmin_managed_policy_attachment" "administratoraccess_administratoraccess" {
  # checkov:skip=CKV_AWS_274: a permission set for administrators: only the groups the org file assigns it get it, in the accounts named, for its session_duration; group membership is the control
  instance_arn       = local.instance_arn
  permission_set_arn = aws_ssoadmin_permission_set.administratoraccess.arn
  managed_policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

resource "aws_ssoadmin_permission_set" "poweruser" {
  name             = "PowerUser"
  description      = "Builds and runs workloads; no IAM users or access keys"
  instance_arn     = local.instance_arn
  session_duration = "PT8H"
}

resource "aws_ssoadmin_managed_policy_attachment" "poweruser_poweruseraccess" {
  instance_arn       = local.instance_arn
  permission_set_arn = aws_ssoadmin_permission_set.poweruser.arn
  managed_policy_arn = "arn:aws:iam::aws:policy/PowerUserAccess"
}

# The policy's text is in policies/poweruser.json; jsonencode(jsondecode(...)) sends it minified,
# which is how Identity Center counts its size.
resource "aws_ssoadmin_permission_set_inline_policy" "poweruser" {
  instance_arn       = local.instance_arn
  permission_set_arn = aws_ssoadmin_permission_set.poweruser.arn
  inline_policy      = jsonencode(jsondecode(file("${path.module}/policies/poweruser.json")))
}

resource "aws_ssoadmin_permission_set" "readonly" {
  name             = "ReadOnly"
  description      = "Read-only access for audits"
  instance_arn     = local.instance_arn
  session_duration = "PT4H"
}

resource "aws_ssoadmin_managed_policy_attachment" "readonly_readonlyaccess" {
  instance_arn       = local.instance_arn
  permission_set_arn = aws_ssoadmin_permission_set.readonly.arn
  managed_policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}

resource "aws_ssoadmin_managed_policy_attachment" "readonly_job-function-viewonlyaccess" {
  instance_arn       = local.instance_arn
  permission_set_arn = aws_ssoadmin_permission_set.readonly.arn
  managed_policy_arn = "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess"
}

resource "aws_identitystore_group" "auditors" {
  identity_store_id = local.identity_store_id
  display_name      = "auditors"
  description       = "Read-only auditors (created by lzgen)"
}

# One assignment per group, permission set and account, each commented with its
# "<group>/<permission set>/<account>": OUs are expanded to the accounts in them and below them
# when the tree is rendered. Each waits for every policy, so an account's role is provisioned
# with all of its permission set's.

# auditors/ReadOnly/app-a
resource "aws_ssoadmin_account_assignment" "auditors_readonly_app-a" {
  instance_arn       = local.instance_arn
  permission_set_arn = aws_ssoadmin_permission_set.readonly.arn
  principal_type     = "GROUP"
  principal_id       = aws_identitystore_group.auditors.group_id
  target_type        = "AWS_ACCOUNT"
  target_id          = data.terraform_remote_state.organization.outputs.account_ids["app-a"]

  depends_on = [
    aws_ssoadmin_managed_policy_attachment.administratoraccess_administratoraccess,
    aws_ssoadmin_managed_policy_attachment.poweruser_poweruseraccess,
    aws_ssoadmin_managed_policy_attachment.readonly_readonlyaccess,
    aws_ssoadmin_managed_policy_attachment.readonly_job-function-viewonlyaccess,
    aws_ssoadmin_permission_set_inline_policy.poweruser,
  ]
}

# auditors/ReadOnly/audit
resource "aws_ssoadmin_account_assignment" "auditors_readonly_audit" {
  instance_arn       = local.instance_arn
  permission_set_arn = aws_ssoadmin_permission_set.readonly.arn
  principal_type     = "GROUP"
  principal_id       = aws_identitystore_group.auditors.group_id
  target_type        = "AWS_ACCOUNT"
  target_id          = data.terraform_remote_state.organization.outputs.account_ids["audit"]

  depends_on = [
    aws_ssoadmin_managed_policy_attachment.administratoraccess_administratoraccess,
    aws_ssoadmin_managed_policy_attachment.poweruser_poweruseraccess,
    aws_ssoadmin_managed_policy_attachment.readonly_readonlyaccess,
    aws_ssoadmin_managed_policy_attachment.readonly_job-function-viewonlyaccess,
    aws_ssoadmin_permission_set_inline_policy.poweruser,
  ]
}

# auditors/ReadOnly/log-archive
resource "aws_ssoadmin_account_assignment" "auditors_readonly_log-archive" {
  instance_arn       = local.instance_arn
  permission_set_arn = aws_ssoadmin_permission_set.readonly.arn
  principal_type     = "GROUP"
  principal_id       = aws_identitystore_group.auditors.group_id
  target_type        = "AWS_ACCOUNT"
  target_id          = data.terraform_remote_state.organization.outputs.account_ids["log-archive"]

  depends_on = [
    aws_ssoadmin_managed_policy_attachment.administratoraccess_administratoraccess,
    aws_ssoadmin_managed_policy_attachment.poweruser_poweruseraccess,
    aws_ssoadmin_managed_policy_attachment.readonly_readonlyaccess,
    aws_ssoadmin_managed_policy_attachment.readonly_job-function-viewonlyaccess,
    aws_ssoadmin_permission_set_inline_policy.poweruser,
  ]
}

# auditors/ReadOnly/network
resource "aws_ssoadmin_account_assignment" "auditors_readonly_network" {
  instance_arn       = local.instance_arn
  permission_set_arn = aws_ssoadmin_permission_set.readonly.arn
  principal_type     = "GROUP"
  principal_id       = aws_identitystore_group.auditors.group_id
  target_type        = "AWS_ACCOUNT"
  target_id          = data.terraform_remote_state.organization.outputs.account_ids["network"]

  depends_on = [
    aws_ssoadmin_managed_policy_attachment.administratoraccess_administratoraccess,
    aws_ssoadmin_managed_policy_attachment.poweruser_poweruseraccess,
    aws_ssoadmin_managed_policy_attachment.readonly_readonlyaccess,
    aws_ssoadmin_managed_policy_attachment.readonly_job-function-viewonlyaccess,
    aws_ssoadmin_permission_set_inline_policy.poweruser,
  ]
}

# developers/PowerUser/app-a
resource "aws_ssoadmin_account_assignment" "developers_poweruser_app-a" {
  instance_arn       = local.instance_arn
  permission_set_arn = aws_ssoadmin_permission_set.poweruser.arn
  principal_type     = "GROUP"
  principal_id       = "9067a1b2c3-2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e"
  target_type        = "AWS_ACCOUNT"
  target_id          = data.terraform_remote_state.organization.outputs.account_ids["app-a"]

  depends_on = [
    aws_ssoadmin_managed_policy_attachment.administratoraccess_administratoraccess,
    aws_ssoadmin_managed_policy_attachment.poweruser_poweruseraccess,
    aws_ssoadmin_managed_policy_attachment.readonly_readonlyaccess,
    aws_ssoadmin_managed_policy_attachment.readonly_job-function-viewonlyaccess,
    aws_ssoadmin_permission_set_inline_policy.poweruser,
  ]
}

# platform-admins/AdministratorAccess/audit
resource "aws_ssoadmin_account_assignment" "platform-admins_administratoraccess_audit" {
  instance_arn       = local.instance_arn
  permission_set_arn = aws_ssoadmin_permission_set.administratoraccess.arn
  principal_type     = "GROUP"
  principal_id       = "9067a1b2c3-1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
  target_type        = "AWS_ACCOUNT"
  target_id          = data.terraform_remote_state.organization.outputs.account_ids["audit"]

  depends_on = [
    aws_ssoadmin_managed_policy_attachment.administratoraccess_administratoraccess,
    aws_ssoadmin_managed_policy_attachment.poweruser_poweruseraccess,
    aws_ssoadmin_managed_policy_attachment.readonly_readonlyaccess,
    aws_ssoadmin_managed_policy_attachment.readonly_job-function-viewonlyaccess,
    aws_ssoadmin_permission_set_inline_policy.poweruser,
  ]
}

# platform-admins/AdministratorAccess/log-archive
resource "aws_ssoadmin_account_assignment" "platform-admins_administratoraccess_log-archive" {
  instance_arn       = local.instance_arn
  permission_set_arn = aws_ssoadmin_permission_set.administratoraccess.arn
  principal_type     = "GROUP"
  principal_id       = "9067a1b2c3-1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
  target_type        = "AWS_ACCOUNT"
  target_id          = data.terraform_remote_state.organization.outputs.account_ids["log-archive"]

  depends_on = [
    aws_ssoadmin_managed_policy_attachment.administratoraccess_administratoraccess,
    aws_ssoadmin_managed_policy_attachment.poweruser_poweruseraccess,
    aws_ssoadmin_managed_policy_attachment.readonly_readonlyaccess,
    aws_ssoadmin_managed_policy_attachment.readonly_job-function-viewonlyaccess,
    aws_ssoadmin_permission_set_inline_policy.poweruser,
  ]
}

# platform-admins/AdministratorAccess/network
resource "aws_ssoadmin_account_assignment" "platform-admins_administratoraccess_network" {
  instance_arn       = local.instance_arn
  permission_set_arn = aws_ssoadmin_permission_set.administratoraccess.arn
  principal_type     = "GROUP"
  principal_id       = "9067a1b2c3-1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
  target_type        = "AWS_ACCOUNT"
  target_id          = data.terraform_remote_state.organization.outputs.account_ids["network"]

  depends_on = [
    aws_ssoadmin_managed_policy_attachment.administratoraccess_administratoraccess,
    aws_ssoadmin_managed_policy_attachment.poweruser_poweruseraccess,
    aws_ssoadmin_managed_policy_attachment.readonly_readonlyaccess,
    aws_ssoadmin_managed_policy_attachment.readonly_job-function-viewonlyaccess,
    aws_ssoadmin_permission_set_inline_policy.poweruser,
  ]
}
