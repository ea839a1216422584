# Account settings (account_settings in the org YAML).

resource "aws_ebs_encryption_by_default" "this" {
  enabled = true
}

# ENI trunking: more awsvpc tasks per container instance (for IAM roles that do not set
# their own awsvpcTrunking setting).
resource "aws_ecs_account_setting_default" "awsvpc_trunking" {
  name  = "awsvpcTrunking"
  value = "enabled"
}
