// Generated from schema/schema.json by scripts/terraform/gen-cdktf.ts. Do not edit.
// https://registry.terraform.io/providers/aicloud/aicloud/0.1.0/docs/resources/model_endpoint
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface ModelEndpointConfig extends cdktf.TerraformMetaArguments {
  /**
  * Partition profile of the cluster's accelerator type (a MIG profile such as `1g.18gb`): each replica then runs on one instance of it, so acceleratorsPerReplica must be 1 and tensor, pipeline and expert parallelism 1. On a partitioned cluster the replicas take the cluster's instances, whose profile must be this one; on a cluster of whole accelerators the instances are cut, all on one server, from accelerators no other endpoint holds whole. With a queue, an endpoint whose instances are short waits for them (its queue counts each instance as its share of an accelerator, e.g. 1/8 of an H200 for 1g.18gb). Changing it replaces the resource.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aicloud/aicloud/0.1.0/docs/resources/model_endpoint#accelerator_profile ModelEndpoint#accelerator_profile}
  */
  readonly acceleratorProfile?: string;
  /**
  * Accelerators of one replica: at most 8 stay in one server, more stay in one supernode. Changing it replaces the resource.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aicloud/aicloud/0.1.0/docs/resources/model_endpoint#accelerators_per_replica ModelEndpoint#accelerators_per_replica}
  */
  readonly acceleratorsPerReplica: number;
  /**
  * Autoscaling bounds instead of a fixed count.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aicloud/aicloud/0.1.0/docs/resources/model_endpoint#autoscaling ModelEndpoint#autoscaling}
  */
  readonly autoscaling?: ModelEndpointAutoscaling;
  /**
  * Name of the Cluster that runs the replicas. While a cluster that lists several acceleratorTypes has not started, its type is open: the endpoint must suit every listed type (runtime, memory, profile, its queue's quota), and a queued one is charged to the type the cluster starts on. Changing it replaces the resource.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aicloud/aicloud/0.1.0/docs/resources/model_endpoint#cluster ModelEndpoint#cluster}
  */
  readonly cluster: string;
  /**
  * Longest context served, tokens. Defaults to `8192`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aicloud/aicloud/0.1.0/docs/resources/model_endpoint#context_length ModelEndpoint#context_length}
  */
  readonly contextLength?: number;
  /**
  * Name of the KvCachePool the replicas use.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aicloud/aicloud/0.1.0/docs/resources/model_endpoint#kv_cache_pool ModelEndpoint#kv_cache_pool}
  */
  readonly kvCachePool?: string;
  /**
  * Labels.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aicloud/aicloud/0.1.0/docs/resources/model_endpoint#labels ModelEndpoint#labels}
  */
  readonly labels?: { [key: string]: string };
  /**
  * The model and its weights. Changing it replaces the resource.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aicloud/aicloud/0.1.0/docs/resources/model_endpoint#model ModelEndpoint#model}
  */
  readonly model: ModelEndpointModel;
  /**
  * Name, unique per project. Changing it replaces the resource.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aicloud/aicloud/0.1.0/docs/resources/model_endpoint#name ModelEndpoint#name}
  */
  readonly name: string;
  /**
  * Parallelism of a replica; the product of the degrees equals acceleratorsPerReplica. Changing it replaces the resource.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aicloud/aicloud/0.1.0/docs/resources/model_endpoint#parallelism ModelEndpoint#parallelism}
  */
  readonly parallelism?: ModelEndpointParallelism;
  /**
  * Whether higher-priority queued work may evict it, and defragmentation may move it.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aicloud/aicloud/0.1.0/docs/resources/model_endpoint#preemptible ModelEndpoint#preemptible}
  */
  readonly preemptible?: boolean | cdktf.IResolvable;
  /**
  * Priority in its queue (higher first under the `priority` policy, and the rank preemption compares); 0 when absent.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aicloud/aicloud/0.1.0/docs/resources/model_endpoint#priority ModelEndpoint#priority}
  */
  readonly priority?: number;
  /**
  * Queue to wait in when the replicas do not fit in the free accelerators of their cluster, or with an acceleratorProfile in its free partition instances (or the cluster itself still waits); without one, an endpoint that does not fit is refused at once.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aicloud/aicloud/0.1.0/docs/resources/model_endpoint#queue ModelEndpoint#queue}
  */
  readonly queue?: string;
  /**
  * Region; defaults to the provider's region. Changing it replaces the resource.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aicloud/aicloud/0.1.0/docs/resources/model_endpoint#region ModelEndpoint#region}
  */
  readonly region?: string;
  /**
  * Fixed replica count; leave out when autoscaling is set.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aicloud/aicloud/0.1.0/docs/resources/model_endpoint#replicas ModelEndpoint#replicas}
  */
  readonly replicas?: number;
  /**
  * Serving runtime, checked against the cluster's accelerator type.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aicloud/aicloud/0.1.0/docs/resources/model_endpoint#runtime ModelEndpoint#runtime}
  */
  readonly runtime: ModelEndpointRuntime;
  /**
  * Full-context sequences each replica must hold in HBM at once; sets the minimum KV cache. Defaults to `1`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aicloud/aicloud/0.1.0/docs/resources/model_endpoint#sequences_per_replica ModelEndpoint#sequences_per_replica}
  */
  readonly sequencesPerReplica?: number;
  /**
  * timeouts block
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aicloud/aicloud/0.1.0/docs/resources/model_endpoint#timeouts ModelEndpoint#timeouts}
  */
  readonly timeouts?: ModelEndpointTimeouts;
}
export interface ModelEndpointAutoscaling {
  /**
  * Upper bound; must be at least minReplicas.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aicloud/aicloud/0.1.0/docs/resources/model_endpoint#max_replicas ModelEndpoint#max_replicas}
  */
  readonly maxReplicas: number;
  /**
  * Signal to scale on. One of `concurrency`, `tokens-per-second`, `accelerator-utilization`. Defaults to `concurrency`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aicloud/aicloud/0.1.0/docs/resources/model_endpoint#metric ModelEndpoint#metric}
  */
  readonly metric?: string;
  /**
  * Replicas always running.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aicloud/aicloud/0.1.0/docs/resources/model_endpoint#min_replicas ModelEndpoint#min_replicas}
  */
  readonly minReplicas: number;
  /**
  * Target value of the metric per replica. Defaults to `16`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aicloud/aicloud/0.1.0/docs/resources/model_endpoint#target ModelEndpoint#target}
  */
  readonly target?: number;
}

export function modelEndpointAutoscalingToTerraform(struct?: ModelEndpointAutoscaling | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    max_replicas: cdktf.numberToTerraform(struct!.maxReplicas),
    metric: cdktf.stringToTerraform(struct!.metric),
    min_replicas: cdktf.numberToTerraform(struct!.minReplicas),
    target: cdktf.numberToTerraform(struct!.target),
  }
}


export function modelEndpointAutoscalingToHclTerraform(struct?: ModelEndpointAutoscaling | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    max_replicas: {
      value: cdktf.numberToHclTerraform(struct!.maxReplicas),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    metric: {
      value: cdktf.stringToHclTerraform(struct!.metric),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    min_replicas: {
      value: cdktf.numberToHclTerraform(struct!.minReplicas),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    target: {
      value: cdktf.numberToHclTerraform(struct!.target),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ModelEndpointAutoscalingOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): ModelEndpointAutoscaling | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._maxReplicas !== undefined) {
      hasAnyValues = true;
      internalValueResult.maxReplicas = this._maxReplicas;
    }
    if (this._metric !== undefined) {
      hasAnyValues = true;
      internalValueResult.metric = this._metric;
    }
    if (this._minReplicas !== undefined) {
      hasAnyValues = true;
      internalValueResult.minReplicas = this._minReplicas;
    }
    if (this._target !== undefined) {
      hasAnyValues = true;
      internalValueResult.target = this._target;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ModelEndpointAutoscaling | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._maxReplicas = undefined;
      this._metric = undefined;
      this._minReplicas = undefined;
      this._target = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._maxReplicas = value.maxReplicas;
      this._metric = value.metric;
      this._minReplicas = value.minReplicas;
      this._target = value.target;
    }
  }

  // max_replicas - computed: false, optional: false, required: true
  private _maxReplicas?: number; 
  public get maxReplicas() {
    return this.getNumberAttribute('max_replicas');
  }
  public set maxReplicas(value: number) {
    this._maxReplicas = value;
  }
  // Temporarily expose input value. Use with caution.
  public get maxReplicasInput() {
    return this._maxReplicas;
  }

  // metric - computed: true, optional: true, required: false
  private _metric?: string; 
  public get metric() {
    return this.getStringAttribute('metric');
  }
  public set metric(value: string) {
    this._metric = value;
  }
  public resetMetric() {
    this._metric = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get metricInput() {
    return this._metric;
  }

  // min_replicas - computed: false, optional: false, required: true
  private _minReplicas?: number; 
  public get minReplicas() {
    return this.getNumberAttribute('min_replicas');
  }
  public set minReplicas(value: number) {
    this._minReplicas = value;
  }
  // Temporarily expose input value. Use with caution.
  public get minReplicasInput() {
    return this._minReplicas;
  }

  // target - computed: true, optional: true, required: false
  private _target?: number; 
  public get target() {
    return this.getNumberAttribute('target');
  }
  public set target(value: number) {
    this._target = value;
  }
  public resetTarget() {
    this._target = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get targetInput() {
    return this._target;
  }
}
export interface ModelEndpointModel {
  /**
  * Parameters active per token for mixture-of-experts models, in billions (37 for DeepSeek-R1).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aicloud/aicloud/0.1.0/docs/resources/model_endpoint#active_parameters_billions ModelEndpoint#active_parameters_billions}
  */
  readonly activeParametersBillions?: number;
  /**
  * Name of the Bucket holding the weights (a reference to a Bucket of the stack).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aicloud/aicloud/0.1.0/docs/resources/model_endpoint#bucket ModelEndpoint#bucket}
  */
  readonly bucket: string;
  /**
  * KV-cache bytes per token across all layers (70272 for DeepSeek-R1 with MLA in bf16). Defaults to `131072`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aicloud/aicloud/0.1.0/docs/resources/model_endpoint#kv_bytes_per_token ModelEndpoint#kv_bytes_per_token}
  */
  readonly kvBytesPerToken?: number;
  /**
  * Model name as clients request it, e.g. `deepseek-r1`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aicloud/aicloud/0.1.0/docs/resources/model_endpoint#name ModelEndpoint#name}
  */
  readonly name: string;
  /**
  * Total parameters, in billions (671 for DeepSeek-R1).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aicloud/aicloud/0.1.0/docs/resources/model_endpoint#parameters_billions ModelEndpoint#parameters_billions}
  */
  readonly parametersBillions: number;
  /**
  * Prefix of the weights inside the bucket.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aicloud/aicloud/0.1.0/docs/resources/model_endpoint#path ModelEndpoint#path}
  */
  readonly path: string;
  /**
  * Precision of the weights. One of `bf16`, `fp16`, `fp8`, `int8`, `int4`. Defaults to `bf16`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aicloud/aicloud/0.1.0/docs/resources/model_endpoint#precision ModelEndpoint#precision}
  */
  readonly precision?: string;
}

export function modelEndpointModelToTerraform(struct?: ModelEndpointModel | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    active_parameters_billions: cdktf.numberToTerraform(struct!.activeParametersBillions),
    bucket: cdktf.stringToTerraform(struct!.bucket),
    kv_bytes_per_token: cdktf.numberToTerraform(struct!.kvBytesPerToken),
    name: cdktf.stringToTerraform(struct!.name),
    parameters_billions: cdktf.numberToTerraform(struct!.parametersBillions),
    path: cdktf.stringToTerraform(struct!.path),
    precision: cdktf.stringToTerraform(struct!.precision),
  }
}


export function modelEndpointModelToHclTerraform(struct?: ModelEndpointModel | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    active_parameters_billions: {
      value: cdktf.numberToHclTerraform(struct!.activeParametersBillions),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    bucket: {
      value: cdktf.stringToHclTerraform(struct!.bucket),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    kv_bytes_per_token: {
      value: cdktf.numberToHclTerraform(struct!.kvBytesPerToken),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    name: {
      value: cdktf.stringToHclTerraform(struct!.name),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    parameters_billions: {
      value: cdktf.numberToHclTerraform(struct!.parametersBillions),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    path: {
      value: cdktf.stringToHclTerraform(struct!.path),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    precision: {
      value: cdktf.stringToHclTerraform(struct!.precision),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ModelEndpointModelOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): ModelEndpointModel | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._activeParametersBillions !== undefined) {
      hasAnyValues = true;
      internalValueResult.activeParametersBillions = this._activeParametersBillions;
    }
    if (this._bucket !== undefined) {
      hasAnyValues = true;
      internalValueResult.bucket = this._bucket;
    }
    if (this._kvBytesPerToken !== undefined) {
      hasAnyValues = true;
      internalValueResult.kvBytesPerToken = this._kvBytesPerToken;
    }
    if (this._name !== undefined) {
      hasAnyValues = true;
      internalValueResult.name = this._name;
    }
    if (this._parametersBillions !== undefined) {
      hasAnyValues = true;
      internalValueResult.parametersBillions = this._parametersBillions;
    }
    if (this._path !== undefined) {
      hasAnyValues = true;
      internalValueResult.path = this._path;
    }
    if (this._precision !== undefined) {
      hasAnyValues = true;
      internalValueResult.precision = this._precision;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ModelEndpointModel | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._activeParametersBillions = undefined;
      this._bucket = undefined;
      this._kvBytesPerToken = undefined;
      this._name = undefined;
      this._parametersBillions = undefined;
      this._path = undefined;
      this._precision = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._activeParametersBillions = value.activeParametersBillions;
      this._bucket = value.bucket;
      this._kvBytesPerToken = value.kvBytesPerToken;
      this._name = value.name;
      this._parametersBillions = value.parametersBillions;
      this._path = value.path;
      this._precision = value.precision;
    }
  }

  // active_parameters_billions - computed: false, optional: true, required: false
  private _activeParametersBillions?: number; 
  public get activeParametersBillions() {
    return this.getNumberAttribute('active_parameters_billions');
  }
  public set activeParametersBillions(value: number) {
    this._activeParametersBillions = value;
  }
  public resetActiveParametersBillions() {
    this._activeParametersBillions = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get activeParametersBillionsInput() {
    return this._activeParametersBillions;
  }

  // bucket - computed: false, optional: false, required: true
  private _bucket?: string; 
  public get bucket() {
    return this.getStringAttribute('bucket');
  }
  public set bucket(value: string) {
    this._bucket = value;
  }
  // Temporarily expose input value. Use with caution.
  public get bucketInput() {
    return this._bucket;
  }

  // kv_bytes_per_token - computed: true, optional: true, required: false
  private _kvBytesPerToken?: number; 
  public get kvBytesPerToken() {
    return this.getNumberAttribute('kv_bytes_per_token');
  }
  public set kvBytesPerToken(value: number) {
    this._kvBytesPerToken = value;
  }
  public resetKvBytesPerToken() {
    this._kvBytesPerToken = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get kvBytesPerTokenInput() {
    return this._kvBytesPerToken;
  }

  // name - computed: false, optional: false, required: true
  private _name?: string; 
  public get name() {
    return this.getStringAttribute('name');
  }
  public set name(value: string) {
    this._name = value;
  }
  // Temporarily expose input value. Use with caution.
  public get nameInput() {
    return this._name;
  }

  // parameters_billions - computed: false, optional: false, required: true
  private _parametersBillions?: number; 
  public get parametersBillions() {
    return this.getNumberAttribute('parameters_billions');
  }
  public set parametersBillions(value: number) {
    this._parametersBillions = value;
  }
  // Temporarily expose input value. Use with caution.
  public get parametersBillionsInput() {
    return this._parametersBillions;
  }

  // path - computed: false, optional: false, required: true
  private _path?: string; 
  public get path() {
    return this.getStringAttribute('path');
  }
  public set path(value: string) {
    this._path = value;
  }
  // Temporarily expose input value. Use with caution.
  public get pathInput() {
    return this._path;
  }

  // precision - computed: true, optional: true, required: false
  private _precision?: string; 
  public get precision() {
    return this.getStringAttribute('precision');
  }
  public set precision(value: string) {
    this._precision = value;
  }
  public resetPrecision() {
    this._precision = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get precisionInput() {
    return this._precision;
  }
}
export interface ModelEndpointParallelism {
  /**
  * Data-parallel degree inside a replica (attention DP). Defaults to `1`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aicloud/aicloud/0.1.0/docs/resources/model_endpoint#data ModelEndpoint#data}
  */
  readonly data?: number;
  /**
  * Expert-parallel degree (mixture-of-experts). Defaults to `1`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aicloud/aicloud/0.1.0/docs/resources/model_endpoint#expert ModelEndpoint#expert}
  */
  readonly expert?: number;
  /**
  * Pipeline-parallel degree. Defaults to `1`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aicloud/aicloud/0.1.0/docs/resources/model_endpoint#pipeline ModelEndpoint#pipeline}
  */
  readonly pipeline?: number;
  /**
  * Tensor-parallel degree. Defaults to `1`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aicloud/aicloud/0.1.0/docs/resources/model_endpoint#tensor ModelEndpoint#tensor}
  */
  readonly tensor?: number;
}

export function modelEndpointParallelismToTerraform(struct?: ModelEndpointParallelism | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    data: cdktf.numberToTerraform(struct!.data),
    expert: cdktf.numberToTerraform(struct!.expert),
    pipeline: cdktf.numberToTerraform(struct!.pipeline),
    tensor: cdktf.numberToTerraform(struct!.tensor),
  }
}


export function modelEndpointParallelismToHclTerraform(struct?: ModelEndpointParallelism | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    data: {
      value: cdktf.numberToHclTerraform(struct!.data),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    expert: {
      value: cdktf.numberToHclTerraform(struct!.expert),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    pipeline: {
      value: cdktf.numberToHclTerraform(struct!.pipeline),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    tensor: {
      value: cdktf.numberToHclTerraform(struct!.tensor),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ModelEndpointParallelismOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): ModelEndpointParallelism | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._data !== undefined) {
      hasAnyValues = true;
      internalValueResult.data = this._data;
    }
    if (this._expert !== undefined) {
      hasAnyValues = true;
      internalValueResult.expert = this._expert;
    }
    if (this._pipeline !== undefined) {
      hasAnyValues = true;
      internalValueResult.pipeline = this._pipeline;
    }
    if (this._tensor !== undefined) {
      hasAnyValues = true;
      internalValueResult.tensor = this._tensor;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ModelEndpointParallelism | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._data = undefined;
      this._expert = undefined;
      this._pipeline = undefined;
      this._tensor = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._data = value.data;
      this._expert = value.expert;
      this._pipeline = value.pipeline;
      this._tensor = value.tensor;
    }
  }

  // data - computed: true, optional: true, required: false
  private _data?: number; 
  public get data() {
    return this.getNumberAttribute('data');
  }
  public set data(value: number) {
    this._data = value;
  }
  public resetData() {
    this._data = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get dataInput() {
    return this._data;
  }

  // expert - computed: true, optional: true, required: false
  private _expert?: number; 
  public get expert() {
    return this.getNumberAttribute('expert');
  }
  public set expert(value: number) {
    this._expert = value;
  }
  public resetExpert() {
    this._expert = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get expertInput() {
    return this._expert;
  }

  // pipeline - computed: true, optional: true, required: false
  private _pipeline?: number; 
  public get pipeline() {
    return this.getNumberAttribute('pipeline');
  }
  public set pipeline(value: number) {
    this._pipeline = value;
  }
  public resetPipeline() {
    this._pipeline = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get pipelineInput() {
    return this._pipeline;
  }

  // tensor - computed: true, optional: true, required: false
  private _tensor?: number; 
  public get tensor() {
    return this.getNumberAttribute('tensor');
  }
  public set tensor(value: number) {
    this._tensor = value;
  }
  public resetTensor() {
    this._tensor = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get tensorInput() {
    return this._tensor;
  }
}
export interface ModelEndpointReplicaPlacementsSlice {
}

export function modelEndpointReplicaPlacementsSliceToTerraform(struct?: ModelEndpointReplicaPlacementsSlice): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
  }
}


export function modelEndpointReplicaPlacementsSliceToHclTerraform(struct?: ModelEndpointReplicaPlacementsSlice): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
  };
  return attrs;
}

export class ModelEndpointReplicaPlacementsSliceOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): ModelEndpointReplicaPlacementsSlice | undefined {
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ModelEndpointReplicaPlacementsSlice | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
    }
  }

  // accelerator - computed: true, optional: false, required: false
  public get accelerator() {
    return this.getStringAttribute('accelerator');
  }

  // profile - computed: true, optional: false, required: false
  public get profile() {
    return this.getStringAttribute('profile');
  }

  // start - computed: true, optional: false, required: false
  public get start() {
    return this.getNumberAttribute('start');
  }

  // units - computed: true, optional: false, required: false
  public get units() {
    return this.getNumberAttribute('units');
  }
}
export interface ModelEndpointReplicaPlacements {
}

export function modelEndpointReplicaPlacementsToTerraform(struct?: ModelEndpointReplicaPlacements): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
  }
}


export function modelEndpointReplicaPlacementsToHclTerraform(struct?: ModelEndpointReplicaPlacements): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
  };
  return attrs;
}

export class ModelEndpointReplicaPlacementsOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectIndex the index of this item in the list
  * @param complexObjectIsFromSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, complexObjectIndex: number, complexObjectIsFromSet: boolean) {
    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);
  }

  public get internalValue(): ModelEndpointReplicaPlacements | undefined {
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ModelEndpointReplicaPlacements | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
    }
  }

  // replica - computed: true, optional: false, required: false
  public get replica() {
    return this.getNumberAttribute('replica');
  }

  // supernode - computed: true, optional: false, required: false
  public get supernode() {
    return this.getStringAttribute('supernode');
  }

  // servers - computed: true, optional: false, required: false
  public get servers() {
    return this.getListAttribute('servers');
  }

  // accelerator_count - computed: true, optional: false, required: false
  public get acceleratorCount() {
    return this.getNumberAttribute('accelerator_count');
  }

  // slice - computed: true, optional: false, required: false
  private _slice = new ModelEndpointReplicaPlacementsSliceOutputReference(this, "slice");
  public get slice() {
    return this._slice;
  }
}

export class ModelEndpointReplicaPlacementsList extends cdktf.ComplexList {

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param wrapsSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  constructor(protected override terraformResource: cdktf.IInterpolatingParent, protected override terraformAttribute: string, protected override wrapsSet: boolean) {
    super(terraformResource, terraformAttribute, wrapsSet)
  }

  /**
  * @param index the index of the item to return
  */
  public get(index: number): ModelEndpointReplicaPlacementsOutputReference {
    return new ModelEndpointReplicaPlacementsOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface ModelEndpointRuntime {
  /**
  * Serving framework. One of `mindie`, `vllm-ascend`, `vllm`, `sglang`, `tensorrt-llm`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aicloud/aicloud/0.1.0/docs/resources/model_endpoint#framework ModelEndpoint#framework}
  */
  readonly framework: string;
  /**
  * Framework version, e.g. `0.9.1`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aicloud/aicloud/0.1.0/docs/resources/model_endpoint#framework_version ModelEndpoint#framework_version}
  */
  readonly frameworkVersion?: string;
  /**
  * Accelerator software stack and version: `cann-8.1` for Ascend, `cuda-12.8` for NVIDIA.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aicloud/aicloud/0.1.0/docs/resources/model_endpoint#software_stack ModelEndpoint#software_stack}
  */
  readonly softwareStack: string;
}

export function modelEndpointRuntimeToTerraform(struct?: ModelEndpointRuntime | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    framework: cdktf.stringToTerraform(struct!.framework),
    framework_version: cdktf.stringToTerraform(struct!.frameworkVersion),
    software_stack: cdktf.stringToTerraform(struct!.softwareStack),
  }
}


export function modelEndpointRuntimeToHclTerraform(struct?: ModelEndpointRuntime | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    framework: {
      value: cdktf.stringToHclTerraform(struct!.framework),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    framework_version: {
      value: cdktf.stringToHclTerraform(struct!.frameworkVersion),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    software_stack: {
      value: cdktf.stringToHclTerraform(struct!.softwareStack),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ModelEndpointRuntimeOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): ModelEndpointRuntime | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._framework !== undefined) {
      hasAnyValues = true;
      internalValueResult.framework = this._framework;
    }
    if (this._frameworkVersion !== undefined) {
      hasAnyValues = true;
      internalValueResult.frameworkVersion = this._frameworkVersion;
    }
    if (this._softwareStack !== undefined) {
      hasAnyValues = true;
      internalValueResult.softwareStack = this._softwareStack;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ModelEndpointRuntime | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._framework = undefined;
      this._frameworkVersion = undefined;
      this._softwareStack = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._framework = value.framework;
      this._frameworkVersion = value.frameworkVersion;
      this._softwareStack = value.softwareStack;
    }
  }

  // framework - computed: false, optional: false, required: true
  private _framework?: string; 
  public get framework() {
    return this.getStringAttribute('framework');
  }
  public set framework(value: string) {
    this._framework = value;
  }
  // Temporarily expose input value. Use with caution.
  public get frameworkInput() {
    return this._framework;
  }

  // framework_version - computed: false, optional: true, required: false
  private _frameworkVersion?: string; 
  public get frameworkVersion() {
    return this.getStringAttribute('framework_version');
  }
  public set frameworkVersion(value: string) {
    this._frameworkVersion = value;
  }
  public resetFrameworkVersion() {
    this._frameworkVersion = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get frameworkVersionInput() {
    return this._frameworkVersion;
  }

  // software_stack - computed: false, optional: false, required: true
  private _softwareStack?: string; 
  public get softwareStack() {
    return this.getStringAttribute('software_stack');
  }
  public set softwareStack(value: string) {
    this._softwareStack = value;
  }
  // Temporarily expose input value. Use with caution.
  public get softwareStackInput() {
    return this._softwareStack;
  }
}
export interface ModelEndpointTimeouts {
  /**
  * Time limit for creating the resource.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aicloud/aicloud/0.1.0/docs/resources/model_endpoint#create ModelEndpoint#create}
  */
  readonly create?: string;
  /**
  * Time limit for deleting the resource.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aicloud/aicloud/0.1.0/docs/resources/model_endpoint#delete ModelEndpoint#delete}
  */
  readonly delete?: string;
  /**
  * Time limit for updating the resource.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aicloud/aicloud/0.1.0/docs/resources/model_endpoint#update ModelEndpoint#update}
  */
  readonly update?: string;
}

export function modelEndpointTimeoutsToTerraform(struct?: ModelEndpointTimeouts | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    create: cdktf.stringToTerraform(struct!.create),
    delete: cdktf.stringToTerraform(struct!.delete),
    update: cdktf.stringToTerraform(struct!.update),
  }
}


export function modelEndpointTimeoutsToHclTerraform(struct?: ModelEndpointTimeouts | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    create: {
      value: cdktf.stringToHclTerraform(struct!.create),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    delete: {
      value: cdktf.stringToHclTerraform(struct!.delete),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    update: {
      value: cdktf.stringToHclTerraform(struct!.update),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ModelEndpointTimeoutsOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): ModelEndpointTimeouts | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._create !== undefined) {
      hasAnyValues = true;
      internalValueResult.create = this._create;
    }
    if (this._delete !== undefined) {
      hasAnyValues = true;
      internalValueResult.delete = this._delete;
    }
    if (this._update !== undefined) {
      hasAnyValues = true;
      internalValueResult.update = this._update;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ModelEndpointTimeouts | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._create = undefined;
      this._delete = undefined;
      this._update = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._create = value.create;
      this._delete = value.delete;
      this._update = value.update;
    }
  }

  // create - computed: false, optional: true, required: false
  private _create?: string; 
  public get create() {
    return this.getStringAttribute('create');
  }
  public set create(value: string) {
    this._create = value;
  }
  public resetCreate() {
    this._create = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get createInput() {
    return this._create;
  }

  // delete - computed: false, optional: true, required: false
  private _delete?: string; 
  public get delete() {
    return this.getStringAttribute('delete');
  }
  public set delete(value: string) {
    this._delete = value;
  }
  public resetDelete() {
    this._delete = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get deleteInput() {
    return this._delete;
  }

  // update - computed: false, optional: true, required: false
  private _update?: string; 
  public get update() {
    return this.getStringAttribute('update');
  }
  public set update(value: string) {
    this._update = value;
  }
  public resetUpdate() {
    this._update = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get updateInput() {
    return this._update;
  }
}

/**
* Represents a {@link https://registry.terraform.io/providers/aicloud/aicloud/0.1.0/docs/resources/model_endpoint aicloud_model_endpoint}
*/
export class ModelEndpoint extends cdktf.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "aicloud_model_endpoint";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a ModelEndpoint resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the ModelEndpoint to import
  * @param importFromId The id of the existing ModelEndpoint that should be imported. Refer to the {@link https://registry.terraform.io/providers/aicloud/aicloud/0.1.0/docs/resources/model_endpoint#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the ModelEndpoint to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "aicloud_model_endpoint", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/aicloud/aicloud/0.1.0/docs/resources/model_endpoint aicloud_model_endpoint} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options ModelEndpointConfig
  */
  public constructor(scope: Construct, id: string, config: ModelEndpointConfig) {
    super(scope, id, {
      terraformResourceType: 'aicloud_model_endpoint',
      terraformGeneratorMetadata: {
        providerName: 'aicloud',
        providerVersion: '0.1.0'
      },
      provider: config.provider,
      dependsOn: config.dependsOn,
      count: config.count,
      lifecycle: config.lifecycle,
      provisioners: config.provisioners,
      connection: config.connection,
      forEach: config.forEach
    });
    this._acceleratorProfile = config.acceleratorProfile;
    this._acceleratorsPerReplica = config.acceleratorsPerReplica;
    this._autoscaling.internalValue = config.autoscaling;
    this._cluster = config.cluster;
    this._contextLength = config.contextLength;
    this._kvCachePool = config.kvCachePool;
    this._labels = config.labels;
    this._model.internalValue = config.model;
    this._name = config.name;
    this._parallelism.internalValue = config.parallelism;
    this._preemptible = config.preemptible;
    this._priority = config.priority;
    this._queue = config.queue;
    this._region = config.region;
    this._replicas = config.replicas;
    this._runtime.internalValue = config.runtime;
    this._sequencesPerReplica = config.sequencesPerReplica;
    this._timeouts.internalValue = config.timeouts;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // accelerator_profile - computed: false, optional: true, required: false
  private _acceleratorProfile?: string; 
  public get acceleratorProfile() {
    return this.getStringAttribute('accelerator_profile');
  }
  public set acceleratorProfile(value: string) {
    this._acceleratorProfile = value;
  }
  public resetAcceleratorProfile() {
    this._acceleratorProfile = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get acceleratorProfileInput() {
    return this._acceleratorProfile;
  }

  // accelerators_per_replica - computed: false, optional: false, required: true
  private _acceleratorsPerReplica?: number; 
  public get acceleratorsPerReplica() {
    return this.getNumberAttribute('accelerators_per_replica');
  }
  public set acceleratorsPerReplica(value: number) {
    this._acceleratorsPerReplica = value;
  }
  // Temporarily expose input value. Use with caution.
  public get acceleratorsPerReplicaInput() {
    return this._acceleratorsPerReplica;
  }

  // api_key - computed: true, optional: false, required: false
  public get apiKey() {
    return this.getStringAttribute('api_key');
  }

  // autoscaling - computed: false, optional: true, required: false
  private _autoscaling = new ModelEndpointAutoscalingOutputReference(this, "autoscaling");
  public get autoscaling() {
    return this._autoscaling;
  }
  public putAutoscaling(value: ModelEndpointAutoscaling) {
    this._autoscaling.internalValue = value;
  }
  public resetAutoscaling() {
    this._autoscaling.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get autoscalingInput() {
    return this._autoscaling.internalValue;
  }

  // cluster - computed: false, optional: false, required: true
  private _cluster?: string; 
  public get cluster() {
    return this.getStringAttribute('cluster');
  }
  public set cluster(value: string) {
    this._cluster = value;
  }
  // Temporarily expose input value. Use with caution.
  public get clusterInput() {
    return this._cluster;
  }

  // context_length - computed: true, optional: true, required: false
  private _contextLength?: number; 
  public get contextLength() {
    return this.getNumberAttribute('context_length');
  }
  public set contextLength(value: number) {
    this._contextLength = value;
  }
  public resetContextLength() {
    this._contextLength = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get contextLengthInput() {
    return this._contextLength;
  }

  // hourly_cost - computed: true, optional: false, required: false
  public get hourlyCost() {
    return this.getNumberAttribute('hourly_cost');
  }

  // id - computed: true, optional: false, required: false
  public get id() {
    return this.getStringAttribute('id');
  }

  // kv_cache_pool - computed: false, optional: true, required: false
  private _kvCachePool?: string; 
  public get kvCachePool() {
    return this.getStringAttribute('kv_cache_pool');
  }
  public set kvCachePool(value: string) {
    this._kvCachePool = value;
  }
  public resetKvCachePool() {
    this._kvCachePool = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get kvCachePoolInput() {
    return this._kvCachePool;
  }

  // labels - computed: false, optional: true, required: false
  private _labels?: { [key: string]: string }; 
  public get labels() {
    return this.getStringMapAttribute('labels');
  }
  public set labels(value: { [key: string]: string }) {
    this._labels = value;
  }
  public resetLabels() {
    this._labels = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get labelsInput() {
    return this._labels;
  }

  // model - computed: false, optional: false, required: true
  private _model = new ModelEndpointModelOutputReference(this, "model");
  public get model() {
    return this._model;
  }
  public putModel(value: ModelEndpointModel) {
    this._model.internalValue = value;
  }
  // Temporarily expose input value. Use with caution.
  public get modelInput() {
    return this._model.internalValue;
  }

  // name - computed: false, optional: false, required: true
  private _name?: string; 
  public get name() {
    return this.getStringAttribute('name');
  }
  public set name(value: string) {
    this._name = value;
  }
  // Temporarily expose input value. Use with caution.
  public get nameInput() {
    return this._name;
  }

  // parallelism - computed: true, optional: true, required: false
  private _parallelism = new ModelEndpointParallelismOutputReference(this, "parallelism");
  public get parallelism() {
    return this._parallelism;
  }
  public putParallelism(value: ModelEndpointParallelism) {
    this._parallelism.internalValue = value;
  }
  public resetParallelism() {
    this._parallelism.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get parallelismInput() {
    return this._parallelism.internalValue;
  }

  // preemptible - computed: false, optional: true, required: false
  private _preemptible?: boolean | cdktf.IResolvable; 
  public get preemptible() {
    return this.getBooleanAttribute('preemptible');
  }
  public set preemptible(value: boolean | cdktf.IResolvable) {
    this._preemptible = value;
  }
  public resetPreemptible() {
    this._preemptible = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get preemptibleInput() {
    return this._preemptible;
  }

  // priority - computed: false, optional: true, required: false
  private _priority?: number; 
  public get priority() {
    return this.getNumberAttribute('priority');
  }
  public set priority(value: number) {
    this._priority = value;
  }
  public resetPriority() {
    this._priority = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get priorityInput() {
    return this._priority;
  }

  // queue - computed: false, optional: true, required: false
  private _queue?: string; 
  public get queue() {
    return this.getStringAttribute('queue');
  }
  public set queue(value: string) {
    this._queue = value;
  }
  public resetQueue() {
    this._queue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get queueInput() {
    return this._queue;
  }

  // region - computed: true, optional: true, required: false
  private _region?: string; 
  public get region() {
    return this.getStringAttribute('region');
  }
  public set region(value: string) {
    this._region = value;
  }
  public resetRegion() {
    this._region = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get regionInput() {
    return this._region;
  }

  // replica_placements - computed: true, optional: false, required: false
  private _replicaPlacements = new ModelEndpointReplicaPlacementsList(this, "replica_placements", false);
  public get replicaPlacements() {
    return this._replicaPlacements;
  }

  // replicas - computed: false, optional: true, required: false
  private _replicas?: number; 
  public get replicas() {
    return this.getNumberAttribute('replicas');
  }
  public set replicas(value: number) {
    this._replicas = value;
  }
  public resetReplicas() {
    this._replicas = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get replicasInput() {
    return this._replicas;
  }

  // runtime - computed: false, optional: false, required: true
  private _runtime = new ModelEndpointRuntimeOutputReference(this, "runtime");
  public get runtime() {
    return this._runtime;
  }
  public putRuntime(value: ModelEndpointRuntime) {
    this._runtime.internalValue = value;
  }
  // Temporarily expose input value. Use with caution.
  public get runtimeInput() {
    return this._runtime.internalValue;
  }

  // sequences_per_replica - computed: true, optional: true, required: false
  private _sequencesPerReplica?: number; 
  public get sequencesPerReplica() {
    return this.getNumberAttribute('sequences_per_replica');
  }
  public set sequencesPerReplica(value: number) {
    this._sequencesPerReplica = value;
  }
  public resetSequencesPerReplica() {
    this._sequencesPerReplica = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get sequencesPerReplicaInput() {
    return this._sequencesPerReplica;
  }

  // status - computed: true, optional: false, required: false
  public get status() {
    return this.getStringAttribute('status');
  }

  // status_reason - computed: true, optional: false, required: false
  public get statusReason() {
    return this.getStringAttribute('status_reason');
  }

  // url - computed: true, optional: false, required: false
  public get url() {
    return this.getStringAttribute('url');
  }

  // timeouts - computed: false, optional: true, required: false
  private _timeouts = new ModelEndpointTimeoutsOutputReference(this, "timeouts");
  public get timeouts() {
    return this._timeouts;
  }
  public putTimeouts(value: ModelEndpointTimeouts) {
    this._timeouts.internalValue = value;
  }
  public resetTimeouts() {
    this._timeouts.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get timeoutsInput() {
    return this._timeouts.internalValue;
  }

  // =========
  // SYNTHESIS
  // =========

  protected override synthesizeAttributes(): { [name: string]: any } {
    return {
      accelerator_profile: cdktf.stringToTerraform(this._acceleratorProfile),
      accelerators_per_replica: cdktf.numberToTerraform(this._acceleratorsPerReplica),
      autoscaling: modelEndpointAutoscalingToTerraform(this._autoscaling.internalValue),
      cluster: cdktf.stringToTerraform(this._cluster),
      context_length: cdktf.numberToTerraform(this._contextLength),
      kv_cache_pool: cdktf.stringToTerraform(this._kvCachePool),
      labels: cdktf.hashMapper(cdktf.stringToTerraform)(this._labels),
      model: modelEndpointModelToTerraform(this._model.internalValue),
      name: cdktf.stringToTerraform(this._name),
      parallelism: modelEndpointParallelismToTerraform(this._parallelism.internalValue),
      preemptible: cdktf.booleanToTerraform(this._preemptible),
      priority: cdktf.numberToTerraform(this._priority),
      queue: cdktf.stringToTerraform(this._queue),
      region: cdktf.stringToTerraform(this._region),
      replicas: cdktf.numberToTerraform(this._replicas),
      runtime: modelEndpointRuntimeToTerraform(this._runtime.internalValue),
      sequences_per_replica: cdktf.numberToTerraform(this._sequencesPerReplica),
      timeouts: modelEndpointTimeoutsToTerraform(this._timeouts.internalValue),
    };
  }

  protected override synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      accelerator_profile: {
        value: cdktf.stringToHclTerraform(this._acceleratorProfile),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      accelerators_per_replica: {
        value: cdktf.numberToHclTerraform(this._acceleratorsPerReplica),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      autoscaling: {
        value: modelEndpointAutoscalingToHclTerraform(this._autoscaling.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "ModelEndpointAutoscaling",
      },
      cluster: {
        value: cdktf.stringToHclTerraform(this._cluster),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      context_length: {
        value: cdktf.numberToHclTerraform(this._contextLength),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      kv_cache_pool: {
        value: cdktf.stringToHclTerraform(this._kvCachePool),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      labels: {
        value: cdktf.hashMapperHcl(cdktf.stringToHclTerraform)(this._labels),
        isBlock: false,
        type: "map",
        storageClassType: "stringMap",
      },
      model: {
        value: modelEndpointModelToHclTerraform(this._model.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "ModelEndpointModel",
      },
      name: {
        value: cdktf.stringToHclTerraform(this._name),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      parallelism: {
        value: modelEndpointParallelismToHclTerraform(this._parallelism.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "ModelEndpointParallelism",
      },
      preemptible: {
        value: cdktf.booleanToHclTerraform(this._preemptible),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      priority: {
        value: cdktf.numberToHclTerraform(this._priority),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      queue: {
        value: cdktf.stringToHclTerraform(this._queue),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      region: {
        value: cdktf.stringToHclTerraform(this._region),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      replicas: {
        value: cdktf.numberToHclTerraform(this._replicas),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      runtime: {
        value: modelEndpointRuntimeToHclTerraform(this._runtime.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "ModelEndpointRuntime",
      },
      sequences_per_replica: {
        value: cdktf.numberToHclTerraform(this._sequencesPerReplica),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      timeouts: {
        value: modelEndpointTimeoutsToHclTerraform(this._timeouts.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "ModelEndpointTimeouts",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
