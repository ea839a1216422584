output "hsm_vpc_id" {
  description = "Id of VPC hsm."
  value       = aws_vpc.hsm.id
}

output "hsm_subnet_ids" {
  description = "Subnet ids of VPC hsm by tier, in AZ order."
  value = {
    "hsm" = [aws_subnet.hsm_hsm_a.id, aws_subnet.hsm_hsm_b.id]
  }
}

output "hsm_route_table_ids" {
  description = "Route table ids of VPC hsm."
  value = {
    "hsm-isolated" = aws_route_table.hsm_isolated.id
  }
}

output "payments_cluster_id" {
  description = "Id of CloudHSM cluster payments."
  value       = aws_cloudhsm_v2_cluster.payments.cluster_id
}

output "payments_security_group_id" {
  description = "Id of the security group of CloudHSM cluster payments: it admits TCP 2223-2225 from the clients only."
  value       = aws_cloudhsm_v2_cluster.payments.security_group_id
}

output "payments_hsm_ips" {
  description = "ENI addresses of the HSMs of CloudHSM cluster payments, by HSM name."
  value = {
    "payments-1" = aws_cloudhsm_v2_hsm.payments_1.ip_address
    "payments-2" = aws_cloudhsm_v2_hsm.payments_2.ip_address
  }
}

output "payments_custom_key_store_id" {
  description = "Id of KMS custom key store payments-cks (null until payments_custom_key_store is on)."
  value       = one(aws_kms_custom_key_store.payments[*].id)
}
