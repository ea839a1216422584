output "account_ids" {
  description = "Account ids by lzgen account name; downstream stacks read this."
  value = {
    "app-a"           = aws_organizations_account.app-a.id
    "app-b"           = aws_organizations_account.app-b.id
    "shared-services" = aws_organizations_account.shared-services.id
  }
}

output "ou_ids" {
  description = "OU ids by OU path."
  value = {
    "Infrastructure" = aws_organizations_organizational_unit.infrastructure.id
    "Workloads"      = aws_organizations_organizational_unit.workloads.id
  }
}

output "organization_id" {
  description = "The organization's id; the log archive admits only this organization."
  value       = aws_organizations_organization.this.id
}

output "root_id" {
  description = "The organization's root; the deployer role's StackSet targets it."
  value       = aws_organizations_organization.this.roots[0].id
}

output "ou_arns" {
  description = "OU ARNs by OU path (RAM shares name OUs by ARN)."
  value = {
    "Infrastructure" = aws_organizations_organizational_unit.infrastructure.arn
    "Workloads"      = aws_organizations_organizational_unit.workloads.arn
  }
}
