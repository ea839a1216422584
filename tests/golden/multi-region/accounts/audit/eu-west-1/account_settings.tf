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

resource "aws_s3_account_public_access_block" "this" {
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
