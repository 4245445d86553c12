// Generated from schema/schema.json by scripts/terraform/gen-cdktf.ts. Do not edit.
// https://registry.terraform.io/providers/aicloud/aicloud/0.1.0/docs/data-sources/accelerator_types
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface DataAicloudAcceleratorTypesConfig extends cdktf.TerraformMetaArguments {
}
export interface DataAicloudAcceleratorTypesTypes {
}

export function dataAicloudAcceleratorTypesTypesToTerraform(struct?: DataAicloudAcceleratorTypesTypes): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
  }
}


export function dataAicloudAcceleratorTypesTypesToHclTerraform(struct?: DataAicloudAcceleratorTypesTypes): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
  };
  return attrs;
}

export class DataAicloudAcceleratorTypesTypesOutputReference extends cdktf.ComplexObject {
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

  public get internalValue(): DataAicloudAcceleratorTypesTypes | undefined {
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: DataAicloudAcceleratorTypesTypes | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
    }
  }

  // name - computed: true, optional: false, required: false
  public get name() {
    return this.getStringAttribute('name');
  }

  // vendor - computed: true, optional: false, required: false
  public get vendor() {
    return this.getStringAttribute('vendor');
  }

  // memory_gib - computed: true, optional: false, required: false
  public get memoryGib() {
    return this.getNumberAttribute('memory_gib');
  }

  // bf16_tflops - computed: true, optional: false, required: false
  public get bf16Tflops() {
    return this.getNumberAttribute('bf16_tflops');
  }

  // accelerators_per_server - computed: true, optional: false, required: false
  public get acceleratorsPerServer() {
    return this.getNumberAttribute('accelerators_per_server');
  }

  // interconnect - computed: true, optional: false, required: false
  public get interconnect() {
    return this.getStringAttribute('interconnect');
  }

  // price_per_hour - computed: true, optional: false, required: false
  public get pricePerHour() {
    return this.getNumberAttribute('price_per_hour');
  }
}

export class DataAicloudAcceleratorTypesTypesList extends cdktf.ComplexList {

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
  public get(index: number): DataAicloudAcceleratorTypesTypesOutputReference {
    return new DataAicloudAcceleratorTypesTypesOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}

/**
* Represents a {@link https://registry.terraform.io/providers/aicloud/aicloud/0.1.0/docs/data-sources/accelerator_types aicloud_accelerator_types}
*/
export class DataAicloudAcceleratorTypes extends cdktf.TerraformDataSource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "aicloud_accelerator_types";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a DataAicloudAcceleratorTypes resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the DataAicloudAcceleratorTypes to import
  * @param importFromId The id of the existing DataAicloudAcceleratorTypes that should be imported. Refer to the {@link https://registry.terraform.io/providers/aicloud/aicloud/0.1.0/docs/data-sources/accelerator_types#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the DataAicloudAcceleratorTypes to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "aicloud_accelerator_types", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/aicloud/aicloud/0.1.0/docs/data-sources/accelerator_types aicloud_accelerator_types} Data Source
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options DataAicloudAcceleratorTypesConfig = {}
  */
  public constructor(scope: Construct, id: string, config: DataAicloudAcceleratorTypesConfig = {}) {
    super(scope, id, {
      terraformResourceType: 'aicloud_accelerator_types',
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
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // types - computed: true, optional: false, required: false
  private _types = new DataAicloudAcceleratorTypesTypesList(this, "types", false);
  public get types() {
    return this._types;
  }

  // =========
  // SYNTHESIS
  // =========

  protected override synthesizeAttributes(): { [name: string]: any } {
    return {
    };
  }

  protected override synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
    };
    return attrs;
  }
}
