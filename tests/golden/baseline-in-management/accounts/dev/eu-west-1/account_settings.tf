# Account baseline and settings: the floor every account gets (less its opt-outs in
# account_settings) and the settings account_settings turns on.

resource "aws_ebs_encryption_by_default" "this" {
  enabled = true
}

# New instances require IMDSv2 session tokens unless their launch says otherwise.
resource "aws_ec2_instance_metadata_defaults" "this" {
  http_tokens                 = "required"
  http_put_response_hop_limit = 2
  http_endpoint               = "enabled"
  instance_metadata_tags      = "disabled"
}

resource "aws_ebs_snapshot_block_public_access" "this" {
  state = "block-all-sharing"
}

resource "aws_ec2_image_block_public_access" "this" {
  state = "block-new-sharing"
}

# ENI trunking: more awsvpc tasks per container instance (for IAM roles that do not set
# their own awsvpcTrunking setting).
resource "aws_ecs_account_setting_default" "awsvpc_trunking" {
  name  = "awsvpcTrunking"
  value = "enabled"
}
