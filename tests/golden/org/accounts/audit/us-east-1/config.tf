# AWS Config: every supported resource type recorded (global ones, such as IAM's, here in the
# home region only), delivered to the log archive under AWSLogs/<account>/Config/, encrypted
# with the log archive's key.

# Config's service-linked role, once per account (here, in its home region).
resource "aws_iam_service_linked_role" "config" {
  aws_service_name = "config.amazonaws.com"
}

resource "aws_config_configuration_recorder" "this" {
  name     = "default"
  role_arn = aws_iam_service_linked_role.config.arn

  recording_group {
    all_supported                 = true
    include_global_resource_types = true
  }

  recording_mode {
    recording_frequency = "CONTINUOUS"
  }
}

resource "aws_config_delivery_channel" "this" {
  name           = "default"
  s3_bucket_name = "log-archive-111111111111-example-corp"
  s3_kms_key_arn = data.terraform_remote_state.log_archive.outputs.log_archive_kms_key_arn

  snapshot_delivery_properties {
    delivery_frequency = "TwentyFour_Hours"
  }

  depends_on = [aws_config_configuration_recorder.this]
}

resource "aws_config_configuration_recorder_status" "this" {
  name       = aws_config_configuration_recorder.this.name
  is_enabled = true

  depends_on = [aws_config_delivery_channel.this]
}
