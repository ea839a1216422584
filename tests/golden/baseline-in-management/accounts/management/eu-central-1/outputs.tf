output "lab_vpc_id" {
  description = "Id of VPC lab."
  value       = aws_vpc.lab.id
}

output "lab_subnet_ids" {
  description = "Subnet ids of VPC lab by tier, in AZ order."
  value = {
    "work" = [aws_subnet.lab_work_a.id, aws_subnet.lab_work_b.id]
  }
}

output "lab_route_table_ids" {
  description = "Route table ids of VPC lab."
  value = {
    "lab-isolated" = aws_route_table.lab_isolated.id
  }
}

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
