# Account settings (account_settings in the org YAML).

resource "aws_ebs_encryption_by_default" "this" {
  enabled = true
}
