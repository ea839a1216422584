output "pipeline_role_arn" {
  description = "The role every stack runs as (CI assumes it)."
  value       = aws_iam_role.pipeline.arn
}

output "state_bucket" {
  description = "The bucket holding every stack's state."
  value       = aws_s3_bucket.state.id
}

output "state_kms_key_arn" {
  description = "The KMS key that encrypts the state bucket."
  value       = aws_kms_key.state.arn
}
