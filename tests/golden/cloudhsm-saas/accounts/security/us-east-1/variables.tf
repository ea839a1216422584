variable "payments_custom_key_store" {
  description = "Create the KMS custom key store payments-cks on CloudHSM cluster payments: true once the cluster is initialised, activated and has the kmsuser crypto user."
  type        = bool
  default     = false
}

variable "payments_kmsuser_password" {
  description = "Password of the kmsuser crypto user of CloudHSM cluster payments: from the CI secret store as TF_VAR_payments_kmsuser_password, never in a file."
  type        = string
  default     = null
  sensitive   = true

  validation {
    condition     = !var.payments_custom_key_store || can(regex("^[[:print:]]{7,32}$", var.payments_kmsuser_password))
    error_message = "With payments_custom_key_store on, set payments_kmsuser_password (7 to 32 characters, the kmsuser password) through TF_VAR_payments_kmsuser_password."
  }
}
