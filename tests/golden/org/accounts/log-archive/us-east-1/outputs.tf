output "log_archive_bucket" {
  description = "Name of the log archive bucket."
  value       = aws_s3_bucket.log_archive.id
}

output "log_archive_bucket_arn" {
  description = "ARN of the log archive bucket."
  value       = aws_s3_bucket.log_archive.arn
}

output "log_archive_kms_key_arn" {
  description = "ARN of the KMS key that encrypts the log archive bucket by default."
  value       = aws_kms_key.log_archive.arn
}
