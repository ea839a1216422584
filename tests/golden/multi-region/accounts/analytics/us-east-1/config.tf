# AWS Config: every supported resource type but the global ones (the home region's recorder
# has those), delivered to the log archive under AWSLogs/<account>/Config/, encrypted with the
# log archive's key.

resource "aws_config_configuration_recorder" "this" {
  # checkov:skip=CKV2_AWS_48: global resource types (IAM) are recorded once, by the home region's recorder; recording them in every region duplicates their items and cost
  name     = "default"
  role_arn = "arn:aws:iam::${local.account_id}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig"

  recording_group {
    all_supported                 = true
    include_global_resource_types = false
  }

  recording_mode {
    recording_frequency = "DAILY"
  }
}

resource "aws_config_delivery_channel" "this" {
  name           = "default"
  s3_bucket_name = "log-archive-100000000001-globex"
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
