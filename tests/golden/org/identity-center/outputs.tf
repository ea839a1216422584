output "permission_set_arns" {
  description = "Identity Center permission set ARNs by name."
  value = {
    "AdministratorAccess" = aws_ssoadmin_permission_set.administratoraccess.arn
    "PowerUser"           = aws_ssoadmin_permission_set.poweruser.arn
    "ReadOnly"            = aws_ssoadmin_permission_set.readonly.arn
  }
}

output "group_ids" {
  description = "Identity store group ids by lzgen group name, existing and created."
  value = {
    "auditors"        = aws_identitystore_group.auditors.group_id
    "developers"      = "9067a1b2c3-2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e"
    "platform-admins" = "9067a1b2c3-1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
  }
}
