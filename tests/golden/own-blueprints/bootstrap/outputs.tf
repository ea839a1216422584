output "pipeline_role_arn" {
  description = "The role every stack runs as (CI assumes it)."
  value       = aws_iam_role.pipeline.arn
}
