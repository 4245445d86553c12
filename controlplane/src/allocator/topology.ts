import { acceleratorId as formatAcceleratorId, type AcceleratorTypeSpec, type Inventory } from '../inventory/index.ts';
import { createLayout, type ServerLayout } from './server-layout.ts';

/**
 * The inventory flattened into integer-indexed arrays, built once. Servers of one block sit at
 * consecutive indices; a block is a supernode, or the standalone servers of one type in one zone.
 * Everything that changes lives in `AllocState`, so this can be shared by clones (previews).
 */
export class Topology {
  readonly inventory: Inventory;
  readonly typeNames: string[] = [];
  readonly typeSpecs: AcceleratorTypeSpec[] = [];
  readonly typeIndex = new Map<string, number>();
  readonly layouts: ServerLayout[] = [];
  /** First global state key of each layout; a global key is `layoutKeyBase[layout] + local key`. */
  readonly layoutKeyBase: number[] = [];
  totalKeys = 0;

  readonly zoneNames: string[] = [];
  readonly zoneRegion: string[] = [];
  readonly zoneIndex = new Map<string, number>();
  /** Blocks of each zone, per type index. */
  readonly zoneBlocks: Map<number, number[]>[] = [];

  readonly blockName: (string | null)[] = [];
  readonly blockZone: number[] = [];
  readonly blockType: number[] = [];
  readonly blockIsSupernode: boolean[] = [];
  readonly blockStart: number[] = [];
  readonly blockEnd: number[] = [];
  /** Global keys that servers of the block can be in. */
  readonly blockKeys: number[][] = [];
  /** Accelerators per server when every server of the block has the same count, else 0. */
  readonly blockUniformCount: number[] = [];

  readonly serverName: string[] = [];
  readonly serverZone: Int32Array;
  readonly serverBlock: Int32Array;
  readonly serverType: Int32Array;
  readonly serverLayout: Int32Array;
  readonly serverBase: Int32Array;
  readonly serverCpu: Float64Array;
  readonly serverMem: Float64Array;
  /** `zone/serverId` to index. */
  readonly serverIndex = new Map<string, number>();
  readonly acceleratorCount: number;
  readonly acceleratorServer: Int32Array;
  /** Whether any server constrains host CPU or memory (only benchmark inventories do). */
  readonly tracksHostResources: boolean;
  /** Per global key: layout, free accelerators, hostable sizes (bit k - 1), largest allowed piece, all free. */
  readonly keyLayout: Int32Array;
  readonly keyFree: Int32Array;
  readonly keyHostable: Uint32Array;
  readonly keyLargest: Int32Array;
  readonly keyIsFull: Uint8Array;
  /** Per type: the layout of a typical server (the catalogue's shape when present), for size rules. */
  readonly typeLayout: number[] = [];

  constructor(inventory: Inventory) {
    this.inventory = inventory;
    const layoutByShape = new Map<string, number>();
    const layoutOf = (count: number, groups: number[]): number => {
      const key = `${count}:${groups.join(',')}`;
      let id = layoutByShape.get(key);
      if (id === undefined) {
        id = this.layouts.length;
        const layout = createLayout(id, count, groups);
        this.layouts.push(layout);
        this.layoutKeyBase.push(this.totalKeys);
        this.totalKeys += layout.keyCount;
        layoutByShape.set(key, id);
      }
      return id;
    };
    const typeOf = (name: string): number => {
      let t = this.typeIndex.get(name);
      if (t === undefined) {
        const spec = inventory.acceleratorTypes[name];
        if (!spec) throw new Error(`inventory uses unknown accelerator type ${name}`);
        t = this.typeNames.length;
        this.typeNames.push(name);
        this.typeSpecs.push(spec);
        this.typeIndex.set(name, t);
      }
      return t;
    };

    const servers: { name: string; zone: number; block: number; type: number; layout: number; count: number; cpu: number; mem: number }[] = [];
    for (const region of inventory.regions) {
      for (const zone of region.zones) {
        const z = this.zoneNames.length;
        this.zoneNames.push(zone.name);
        this.zoneRegion.push(region.name);
        this.zoneIndex.set(zone.name, z);
        const byType = new Map<number, number[]>();
        this.zoneBlocks.push(byType);
        const addBlock = (name: string | null, type: number, isSupernode: boolean, members: typeof zone.servers) => {
          const b = this.blockName.length;
          this.blockName.push(name);
          this.blockZone.push(z);
          this.blockType.push(type);
          this.blockIsSupernode.push(isSupernode);
          this.blockStart.push(servers.length);
          const layouts = new Set<number>();
          const counts = new Set<number>();
          for (const s of members) {
            const layout = layoutOf(s.acceleratorCount, s.serverGroups);
            layouts.add(layout);
            counts.add(s.acceleratorCount);
            servers.push({ name: s.id, zone: z, block: b, type, layout, count: s.acceleratorCount, cpu: s.cpuMilli ?? Infinity, mem: s.memoryMib ?? Infinity });
          }
          this.blockEnd.push(servers.length);
          const keys: number[] = [];
          for (const l of [...layouts].sort((a, b2) => a - b2)) {
            for (let k = 0; k < this.layouts[l]!.keyCount; k++) keys.push(this.layoutKeyBase[l]! + k);
          }
          this.blockKeys.push(keys);
          this.blockUniformCount.push(counts.size === 1 ? [...counts][0]! : 0);
          if (!byType.has(type)) byType.set(type, []);
          byType.get(type)!.push(b);
        };
        for (const sn of zone.supernodes) addBlock(sn.id, typeOf(sn.acceleratorType), true, sn.servers);
        const pools = new Map<number, typeof zone.servers>();
        for (const s of zone.servers) {
          const t = typeOf(s.acceleratorType);
          if (!pools.has(t)) pools.set(t, []);
          pools.get(t)!.push(s);
        }
        for (const [t, members] of pools) addBlock(null, t, false, members);
      }
    }

    const n = servers.length;
    this.serverZone = new Int32Array(n);
    this.serverBlock = new Int32Array(n);
    this.serverType = new Int32Array(n);
    this.serverLayout = new Int32Array(n);
    this.serverBase = new Int32Array(n + 1);
    this.serverCpu = new Float64Array(n);
    this.serverMem = new Float64Array(n);
    let base = 0;
    let tracks = false;
    servers.forEach((s, i) => {
      this.serverName.push(s.name);
      this.serverZone[i] = s.zone;
      this.serverBlock[i] = s.block;
      this.serverType[i] = s.type;
      this.serverLayout[i] = s.layout;
      this.serverBase[i] = base;
      this.serverCpu[i] = s.cpu;
      this.serverMem[i] = s.mem;
      if (s.cpu !== Infinity || s.mem !== Infinity) tracks = true;
      this.serverIndex.set(`${this.zoneNames[s.zone]}/${s.name}`, i);
      base += s.count;
    });
    this.serverBase[n] = base;
    this.acceleratorCount = base;
    this.tracksHostResources = tracks;
    this.acceleratorServer = new Int32Array(base);
    for (let i = 0; i < n; i++) this.acceleratorServer.fill(i, this.serverBase[i]!, this.serverBase[i + 1]!);

    this.keyLayout = new Int32Array(this.totalKeys);
    this.keyFree = new Int32Array(this.totalKeys);
    this.keyHostable = new Uint32Array(this.totalKeys);
    this.keyLargest = new Int32Array(this.totalKeys);
    this.keyIsFull = new Uint8Array(this.totalKeys);
    for (const layout of this.layouts) {
      const kb = this.layoutKeyBase[layout.id]!;
      for (let k = 0; k < layout.keyCount; k++) {
        this.keyLayout[kb + k] = layout.id;
        this.keyFree[kb + k] = layout.freeOfKey[k]!;
        this.keyHostable[kb + k] = layout.hostableOfKey[k]!;
        this.keyLargest[kb + k] = layout.largestOfKey[k]!;
        this.keyIsFull[kb + k] = k === layout.fullKey ? 1 : 0;
      }
    }
    for (let t = 0; t < this.typeNames.length; t++) {
      const spec = this.typeSpecs[t]!;
      const used = new Set<number>();
      for (let i = 0; i < n; i++) if (this.serverType[i] === t) used.add(this.serverLayout[i]!);
      const nominal = [...used].find((l) => this.layouts[l]!.count === spec.acceleratorsPerServer) ?? [...used][0] ?? 0;
      this.typeLayout.push(nominal);
    }
  }

  get serverCount(): number {
    return this.serverName.length;
  }

  get blockCount(): number {
    return this.blockName.length;
  }

  layoutOf(server: number): ServerLayout {
    return this.layouts[this.serverLayout[server]!]!;
  }

  /** Layout and local key of a global key. */
  splitKey(globalKey: number): { layout: ServerLayout; key: number } {
    let l = this.layouts.length - 1;
    while (this.layoutKeyBase[l]! > globalKey) l--;
    return { layout: this.layouts[l]!, key: globalKey - this.layoutKeyBase[l]! };
  }

  acceleratorName(server: number, index: number): string {
    return formatAcceleratorId(this.zoneNames[this.serverZone[server]!]!, this.serverName[server]!, index);
  }

  acceleratorNames(server: number, mask: number): string[] {
    const out: string[] = [];
    for (let i = 0, m = mask; m !== 0; i++, m >>>= 1) if (m & 1) out.push(this.acceleratorName(server, i));
    return out;
  }

  /** Where a block is, for messages: the supernode id, or `<type> servers of <zone>`. */
  blockLabel(block: number): string {
    return this.blockName[block] ?? `${this.typeNames[this.blockType[block]!]} servers of ${this.zoneNames[this.blockZone[block]!]}`;
  }

  /** Resolves `zone/serverId/index`. */
  resolveAccelerator(id: string): { server: number; index: number } | undefined {
    const last = id.lastIndexOf('/');
    if (last < 0) return undefined;
    const server = this.serverIndex.get(id.slice(0, last));
    const indexText = id.slice(last + 1);
    if (server === undefined || !/^\d+$/.test(indexText)) return undefined;
    const index = Number(indexText);
    if (index >= this.serverBase[server + 1]! - this.serverBase[server]!) return undefined;
    return { server, index };
  }
}
