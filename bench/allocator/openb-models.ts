import type { SliceClass } from '../../controlplane/src/allocator/slice-workload.ts';
import type { Topology } from '../../controlplane/src/allocator/topology.ts';
import { OPENB_TYPE, openbModelType } from './openb-cluster.ts';
import type { OpenbNode, OpenbPod } from './read-openb.ts';

/** A class of FGD's target workload that may be limited to some GPU models (`models` absent: any). */
export interface ModelClass extends SliceClass {
  models?: readonly string[];
}

/**
 * How the benchmark sees GPU models on the openb cluster. With `byModel` every server's model is its
 * accelerator type and a pod lists the types its `gpu_spec` accepts; without it there is one type.
 * `pos` is each server's place in the node list (the allocator groups servers by type, the node list
 * does not), so "lowest-numbered" means the same server whether models are kept apart or not.
 */
export interface OpenbModels {
  byModel: boolean;
  /** Accelerator type of each model present, by model name. */
  typeOfModel: Map<string, string>;
  /** Server index to its place in the node list. */
  pos: Int32Array;
  /** Server indices in node-list order. */
  order: Int32Array;
  /** Server index to its GPU model. */
  modelOf: string[];
}

/** Builds the model view of a topology made by `openbInventory(nodes, byModel)`. */
export function openbModels(topo: Topology, nodes: readonly OpenbNode[], byModel: boolean): OpenbModels {
  const place = new Map<string, number>();
  const gpuNodes = nodes.filter((n) => n.gpus > 0);
  gpuNodes.forEach((n, i) => place.set(n.name, i));
  const modelByName = new Map(gpuNodes.map((n) => [n.name, n.model]));
  const pos = new Int32Array(topo.serverCount);
  const modelOf: string[] = [];
  for (let s = 0; s < topo.serverCount; s++) {
    pos[s] = place.get(topo.serverName[s]!) ?? s;
    modelOf.push(modelByName.get(topo.serverName[s]!) ?? '');
  }
  const order = Int32Array.from([...pos.keys()].sort((x, y) => pos[x]! - pos[y]!));
  const typeOfModel = new Map<string, string>();
  for (const m of modelOf) typeOfModel.set(m, byModel ? openbModelType(m) : OPENB_TYPE);
  return { byModel, typeOfModel, pos, order, modelOf };
}

/**
 * The accelerator types a pod may land on: the types of the models its `gpu_spec` names that the
 * cluster has (none left: it fits nowhere), or every type when it names none. One type when models
 * are not kept apart.
 */
export function acceptedTypes(m: OpenbModels, pod: OpenbPod): string[] {
  if (!m.byModel) return [OPENB_TYPE];
  if (!pod.gpuSpec || pod.gpuSpec.length === 0) return [...new Set(m.typeOfModel.values())];
  return [...new Set(pod.gpuSpec.filter((g) => m.typeOfModel.has(g)).map((g) => m.typeOfModel.get(g)!))];
}

/** Whether a pod (or class) that lists `models` may use a GPU of model `model`. */
export function accepts(models: readonly string[] | undefined, model: string): boolean {
  return !models || models.length === 0 || models.includes(model);
}

/**
 * FGD's target workload as seen from a server of one model: the classes that accept the model, plus
 * one class standing for all those that do not, which finds every free GPU a fragment (FGD's
 * "no access": a pod limited to other models cannot use this server at all). Weights stay those of
 * the whole trace, so the sum is 1 on every server and servers of different models compare.
 */
export function classesForModel(classes: readonly ModelClass[], model: string): SliceClass[] {
  const out: SliceClass[] = [];
  let excluded = 0;
  for (const c of classes) {
    if (accepts(c.models, model)) out.push({ whole: c.whole, units: c.units, masks: c.masks, cpu: c.cpu, mem: c.mem, p: c.p });
    else excluded += c.p;
  }
  if (excluded > 0) out.push(noAccessClass(excluded));
  return out;
}

/** A class no server can host (it needs more CPU than any has): all free GPUs are its fragment. */
export function noAccessClass(p: number): SliceClass {
  return { whole: 0, units: 0, masks: [], cpu: NO_ACCESS_CPU, mem: 0, p };
}

/** Host CPU (milli) of the no-access class: more than any server has. */
export const NO_ACCESS_CPU = Number.MAX_SAFE_INTEGER;
