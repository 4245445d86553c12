// Generated from schema/schema.json by scripts/terraform/gen-cdktf.ts. Do not edit.
// https://registry.terraform.io/providers/aicloud/aicloud/0.1.0/docs/resources/kv_cache_pool
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface KvCachePoolConfig extends cdktf.TerraformMetaArguments {
  /**
  * Tokens per KV block. Defaults to `128`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aicloud/aicloud/0.1.0/docs/resources/kv_cache_pool#block_size_tokens KvCachePool#block_size_tokens}
  */
  readonly blockSizeTokens?: number;
  /**
  * Name of the Cluster the pool is attached to. Changing it replaces the resource.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aicloud/aicloud/0.1.0/docs/resources/kv_cache_pool#cluster KvCachePool#cluster}
  */
  readonly cluster: string;
  /**
  * Eviction and demotion policy. One of `lru`, `lfu`, `arc`. Defaults to `lru`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aicloud/aicloud/0.1.0/docs/resources/kv_cache_pool#eviction_policy KvCachePool#eviction_policy}
  */
  readonly evictionPolicy?: string;
  /**
  * Labels.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aicloud/aicloud/0.1.0/docs/resources/kv_cache_pool#labels KvCachePool#labels}
  */
  readonly labels?: { [key: string]: string };
  /**
  * Name, unique per project. Changing it replaces the resource.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aicloud/aicloud/0.1.0/docs/resources/kv_cache_pool#name KvCachePool#name}
  */
  readonly name: string;
  /**
  * Share KV blocks of identical prompt prefixes across requests. Defaults to `true`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aicloud/aicloud/0.1.0/docs/resources/kv_cache_pool#prefix_caching KvCachePool#prefix_caching}
  */
  readonly prefixCaching?: boolean | cdktf.IResolvable;
  /**
  * Region; defaults to the provider's region. Changing it replaces the resource.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aicloud/aicloud/0.1.0/docs/resources/kv_cache_pool#region KvCachePool#region}
  */
  readonly region?: string;
  /**
  * Tier sizes.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aicloud/aicloud/0.1.0/docs/resources/kv_cache_pool#tiers KvCachePool#tiers}
  */
  readonly tiers: KvCachePoolTiers;
  /**
  * timeouts block
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aicloud/aicloud/0.1.0/docs/resources/kv_cache_pool#timeouts KvCachePool#timeouts}
  */
  readonly timeouts?: KvCachePoolTimeouts;
}
export interface KvCachePoolTiers {
  /**
  * Host DRAM tier for the whole pool, GiB.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aicloud/aicloud/0.1.0/docs/resources/kv_cache_pool#dram_gib KvCachePool#dram_gib}
  */
  readonly dramGib?: number;
  /**
  * HBM reserved for KV cache on each accelerator, GiB.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aicloud/aicloud/0.1.0/docs/resources/kv_cache_pool#hbm_gib KvCachePool#hbm_gib}
  */
  readonly hbmGib: number;
  /**
  * SSD tier for the whole pool, GiB.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aicloud/aicloud/0.1.0/docs/resources/kv_cache_pool#ssd_gib KvCachePool#ssd_gib}
  */
  readonly ssdGib?: number;
}

export function kvCachePoolTiersToTerraform(struct?: KvCachePoolTiers | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    dram_gib: cdktf.numberToTerraform(struct!.dramGib),
    hbm_gib: cdktf.numberToTerraform(struct!.hbmGib),
    ssd_gib: cdktf.numberToTerraform(struct!.ssdGib),
  }
}


export function kvCachePoolTiersToHclTerraform(struct?: KvCachePoolTiers | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    dram_gib: {
      value: cdktf.numberToHclTerraform(struct!.dramGib),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    hbm_gib: {
      value: cdktf.numberToHclTerraform(struct!.hbmGib),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    ssd_gib: {
      value: cdktf.numberToHclTerraform(struct!.ssdGib),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class KvCachePoolTiersOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): KvCachePoolTiers | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._dramGib !== undefined) {
      hasAnyValues = true;
      internalValueResult.dramGib = this._dramGib;
    }
    if (this._hbmGib !== undefined) {
      hasAnyValues = true;
      internalValueResult.hbmGib = this._hbmGib;
    }
    if (this._ssdGib !== undefined) {
      hasAnyValues = true;
      internalValueResult.ssdGib = this._ssdGib;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: KvCachePoolTiers | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._dramGib = undefined;
      this._hbmGib = undefined;
      this._ssdGib = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._dramGib = value.dramGib;
      this._hbmGib = value.hbmGib;
      this._ssdGib = value.ssdGib;
    }
  }

  // dram_gib - computed: false, optional: true, required: false
  private _dramGib?: number; 
  public get dramGib() {
    return this.getNumberAttribute('dram_gib');
  }
  public set dramGib(value: number) {
    this._dramGib = value;
  }
  public resetDramGib() {
    this._dramGib = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get dramGibInput() {
    return this._dramGib;
  }

  // hbm_gib - computed: false, optional: false, required: true
  private _hbmGib?: number; 
  public get hbmGib() {
    return this.getNumberAttribute('hbm_gib');
  }
  public set hbmGib(value: number) {
    this._hbmGib = value;
  }
  // Temporarily expose input value. Use with caution.
  public get hbmGibInput() {
    return this._hbmGib;
  }

  // ssd_gib - computed: false, optional: true, required: false
  private _ssdGib?: number; 
  public get ssdGib() {
    return this.getNumberAttribute('ssd_gib');
  }
  public set ssdGib(value: number) {
    this._ssdGib = value;
  }
  public resetSsdGib() {
    this._ssdGib = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get ssdGibInput() {
    return this._ssdGib;
  }
}
export interface KvCachePoolTimeouts {
  /**
  * Time limit for creating the resource.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aicloud/aicloud/0.1.0/docs/resources/kv_cache_pool#create KvCachePool#create}
  */
  readonly create?: string;
  /**
  * Time limit for deleting the resource.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aicloud/aicloud/0.1.0/docs/resources/kv_cache_pool#delete KvCachePool#delete}
  */
  readonly delete?: string;
  /**
  * Time limit for updating the resource.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aicloud/aicloud/0.1.0/docs/resources/kv_cache_pool#update KvCachePool#update}
  */
  readonly update?: string;
}

export function kvCachePoolTimeoutsToTerraform(struct?: KvCachePoolTimeouts | cdktf.IResolvable): any {
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


export function kvCachePoolTimeoutsToHclTerraform(struct?: KvCachePoolTimeouts | cdktf.IResolvable): any {
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

export class KvCachePoolTimeoutsOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): KvCachePoolTimeouts | cdktf.IResolvable | undefined {
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

  public set internalValue(value: KvCachePoolTimeouts | cdktf.IResolvable | undefined) {
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
* Represents a {@link https://registry.terraform.io/providers/aicloud/aicloud/0.1.0/docs/resources/kv_cache_pool aicloud_kv_cache_pool}
*/
export class KvCachePool extends cdktf.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "aicloud_kv_cache_pool";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a KvCachePool resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the KvCachePool to import
  * @param importFromId The id of the existing KvCachePool that should be imported. Refer to the {@link https://registry.terraform.io/providers/aicloud/aicloud/0.1.0/docs/resources/kv_cache_pool#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the KvCachePool to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "aicloud_kv_cache_pool", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/aicloud/aicloud/0.1.0/docs/resources/kv_cache_pool aicloud_kv_cache_pool} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options KvCachePoolConfig
  */
  public constructor(scope: Construct, id: string, config: KvCachePoolConfig) {
    super(scope, id, {
      terraformResourceType: 'aicloud_kv_cache_pool',
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
    this._blockSizeTokens = config.blockSizeTokens;
    this._cluster = config.cluster;
    this._evictionPolicy = config.evictionPolicy;
    this._labels = config.labels;
    this._name = config.name;
    this._prefixCaching = config.prefixCaching;
    this._region = config.region;
    this._tiers.internalValue = config.tiers;
    this._timeouts.internalValue = config.timeouts;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // block_size_tokens - computed: true, optional: true, required: false
  private _blockSizeTokens?: number; 
  public get blockSizeTokens() {
    return this.getNumberAttribute('block_size_tokens');
  }
  public set blockSizeTokens(value: number) {
    this._blockSizeTokens = value;
  }
  public resetBlockSizeTokens() {
    this._blockSizeTokens = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get blockSizeTokensInput() {
    return this._blockSizeTokens;
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

  // eviction_policy - computed: true, optional: true, required: false
  private _evictionPolicy?: string; 
  public get evictionPolicy() {
    return this.getStringAttribute('eviction_policy');
  }
  public set evictionPolicy(value: string) {
    this._evictionPolicy = value;
  }
  public resetEvictionPolicy() {
    this._evictionPolicy = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get evictionPolicyInput() {
    return this._evictionPolicy;
  }

  // hourly_cost - computed: true, optional: false, required: false
  public get hourlyCost() {
    return this.getNumberAttribute('hourly_cost');
  }

  // id - computed: true, optional: false, required: false
  public get id() {
    return this.getStringAttribute('id');
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

  // prefix_caching - computed: true, optional: true, required: false
  private _prefixCaching?: boolean | cdktf.IResolvable; 
  public get prefixCaching() {
    return this.getBooleanAttribute('prefix_caching');
  }
  public set prefixCaching(value: boolean | cdktf.IResolvable) {
    this._prefixCaching = value;
  }
  public resetPrefixCaching() {
    this._prefixCaching = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get prefixCachingInput() {
    return this._prefixCaching;
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

  // status - computed: true, optional: false, required: false
  public get status() {
    return this.getStringAttribute('status');
  }

  // status_reason - computed: true, optional: false, required: false
  public get statusReason() {
    return this.getStringAttribute('status_reason');
  }

  // tiers - computed: false, optional: false, required: true
  private _tiers = new KvCachePoolTiersOutputReference(this, "tiers");
  public get tiers() {
    return this._tiers;
  }
  public putTiers(value: KvCachePoolTiers) {
    this._tiers.internalValue = value;
  }
  // Temporarily expose input value. Use with caution.
  public get tiersInput() {
    return this._tiers.internalValue;
  }

  // total_gib - computed: true, optional: false, required: false
  public get totalGib() {
    return this.getNumberAttribute('total_gib');
  }

  // timeouts - computed: false, optional: true, required: false
  private _timeouts = new KvCachePoolTimeoutsOutputReference(this, "timeouts");
  public get timeouts() {
    return this._timeouts;
  }
  public putTimeouts(value: KvCachePoolTimeouts) {
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
      block_size_tokens: cdktf.numberToTerraform(this._blockSizeTokens),
      cluster: cdktf.stringToTerraform(this._cluster),
      eviction_policy: cdktf.stringToTerraform(this._evictionPolicy),
      labels: cdktf.hashMapper(cdktf.stringToTerraform)(this._labels),
      name: cdktf.stringToTerraform(this._name),
      prefix_caching: cdktf.booleanToTerraform(this._prefixCaching),
      region: cdktf.stringToTerraform(this._region),
      tiers: kvCachePoolTiersToTerraform(this._tiers.internalValue),
      timeouts: kvCachePoolTimeoutsToTerraform(this._timeouts.internalValue),
    };
  }

  protected override synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      block_size_tokens: {
        value: cdktf.numberToHclTerraform(this._blockSizeTokens),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      cluster: {
        value: cdktf.stringToHclTerraform(this._cluster),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      eviction_policy: {
        value: cdktf.stringToHclTerraform(this._evictionPolicy),
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
      name: {
        value: cdktf.stringToHclTerraform(this._name),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      prefix_caching: {
        value: cdktf.booleanToHclTerraform(this._prefixCaching),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      region: {
        value: cdktf.stringToHclTerraform(this._region),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      tiers: {
        value: kvCachePoolTiersToHclTerraform(this._tiers.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "KvCachePoolTiers",
      },
      timeouts: {
        value: kvCachePoolTimeoutsToHclTerraform(this._timeouts.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "KvCachePoolTimeouts",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
