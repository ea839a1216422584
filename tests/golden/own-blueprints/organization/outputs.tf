output "account_ids" {
  description = "Account ids by lzgen account name; downstream stacks read this."
  value = {
    "lab"        = aws_organizations_account.lab.id
    "lab-2"      = "910000000019"
    "management" = "900000000009"
  }
}

output "ou_ids" {
  description = "OU ids by OU path."
  value = {
    "Platform" = aws_organizations_organizational_unit.platform.id
    "Sandbox"  = aws_organizations_organizational_unit.sandbox.id
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
    "Platform" = aws_organizations_organizational_unit.platform.arn
    "Sandbox"  = aws_organizations_organizational_unit.sandbox.arn
  }
}
