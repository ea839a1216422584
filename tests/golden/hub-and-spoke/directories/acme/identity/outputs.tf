output "acme_directory_id" {
  description = "Id of Managed AD acme."
  value       = aws_directory_service_directory.acme.id
}

output "acme_domain" {
  description = "Domain name of Managed AD acme."
  value       = aws_directory_service_directory.acme.name
}

output "acme_dns_ip_addresses" {
  description = "DNS addresses of the domain controllers of Managed AD acme."
  value       = sort(aws_directory_service_directory.acme.dns_ip_addresses)
}

output "acme_shared_directory_ids" {
  description = "Id of Managed AD acme in each account it is shared with, by account name."
  value = {
    "app-a" = aws_directory_service_shared_directory.acme_app-a.shared_directory_id
    "app-b" = aws_directory_service_shared_directory.acme_app-b.shared_directory_id
    "dev"   = aws_directory_service_shared_directory.acme_dev.shared_directory_id
  }
}

output "acme_resolver_rule_id" {
  description = "Id of the Resolver rule forwarding ad.acme.example to the domain controllers."
  value       = aws_route53_resolver_rule.acme.id
}

output "acme_admin_secret_arn" {
  description = "ARN of the Secrets Manager secret holding the Admin password of acme."
  value       = aws_secretsmanager_secret.acme_admin.arn
}
