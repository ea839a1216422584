output "corp_directory_id" {
  description = "Id of Managed AD corp."
  value       = aws_directory_service_directory.corp.id
}

output "corp_domain" {
  description = "Domain name of Managed AD corp."
  value       = aws_directory_service_directory.corp.name
}

output "corp_dns_ip_addresses" {
  description = "DNS addresses of the domain controllers of Managed AD corp."
  value       = sort(aws_directory_service_directory.corp.dns_ip_addresses)
}

output "corp_shared_directory_ids" {
  description = "Id of Managed AD corp in each account it is shared with, by account name."
  value = {
    "workloads" = aws_directory_service_shared_directory.corp_workloads.shared_directory_id
  }
}

output "corp_resolver_rule_id" {
  description = "Id of the Resolver rule forwarding corp.example.com to the domain controllers."
  value       = aws_route53_resolver_rule.corp.id
}

output "corp_admin_secret_arn" {
  description = "ARN of the Secrets Manager secret holding the Admin password of corp."
  value       = aws_secretsmanager_secret.corp_admin.arn
}
