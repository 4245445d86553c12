# The same stack as examples/cdktf: one model served on Ascend 910C, with its weights bucket,
# the cluster that runs it and a tiered KV cache. With no endpoint configured, the provider uses the
# embedded cloud in .aicloud/cloud.db of this folder.

terraform {
  required_version = ">= 1.5"
  required_providers {
    aicloud = {
      source  = "aicloud/aicloud"
      version = "0.1.0"
    }
  }
}

provider "aicloud" {
  # endpoint = "http://127.0.0.1:8080"   # or AICLOUD_ENDPOINT; leave unset for the embedded cloud
  # token    = var.aicloud_token          # or AICLOUD_TOKEN
  region = "cn-southwest-2"
}

resource "aicloud_bucket" "weights" {
  name       = "qwen-chat-weights"
  versioning = true
  labels     = { team = "inference" }
}

resource "aicloud_cluster" "serve" {
  name             = "qwen-chat"
  zone             = "cn-southwest-2a"
  accelerator_type = "ascend-910c"
  node_count       = 1
  placement        = "zone"
  labels           = { team = "inference" }

  timeouts {
    create = "10m"
  }
}

resource "aicloud_kv_cache_pool" "kv" {
  name    = "qwen-chat-kv"
  cluster = aicloud_cluster.serve.name
  tiers = {
    hbm_gib  = 8
    dram_gib = 256
  }
}

resource "aicloud_model_endpoint" "chat" {
  name    = "qwen-chat"
  cluster = aicloud_cluster.serve.name
  model = {
    name                = "qwen3-32b"
    bucket              = aicloud_bucket.weights.name
    path                = "qwen3-32b"
    parameters_billions = 32
    precision           = "bf16"
  }
  runtime = {
    framework      = "vllm-ascend"
    software_stack = "cann-8.1"
  }
  replicas                 = 2
  accelerators_per_replica = 1
  parallelism              = { tensor = 1 }
  kv_cache_pool            = aicloud_kv_cache_pool.kv.name
  context_length           = 8192
  labels                   = { team = "inference" }
}

# Read once the cluster exists, so the output is what the stack leaves free and a plan after apply
# shows no changes.
data "aicloud_capacity" "zone" {
  zone             = "cn-southwest-2a"
  accelerator_type = "ascend-910c"
  depends_on       = [aicloud_cluster.serve]
}

output "url" {
  value = aicloud_model_endpoint.chat.url
}

output "api_key" {
  value     = aicloud_model_endpoint.chat.api_key
  sensitive = true
}

output "free_accelerators" {
  value = one(data.aicloud_capacity.zone.zones[*].free)
}
