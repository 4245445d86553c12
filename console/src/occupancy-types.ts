/** The answer of `GET /v1/projects/{project}/occupancy` (see the OpenAPI document). */
export interface Occupancy {
  project: string;
  holders: Holder[];
  zones: ZoneOccupancy[];
}

export interface Holder {
  visible: boolean;
  project: string | null;
  kind: string | null;
  name: string | null;
  id: string | null;
}

export interface ServerOccupancy {
  id: string;
  accelerators: number;
  acceleratorType?: string;
  faultyMask: number;
  draining: boolean;
  /** Accelerators a capacity lease holds (drawn hollow). */
  leasedMask?: number;
  held: Array<[number, number]>;
}

export interface SupernodeOccupancy {
  id: string;
  acceleratorType: string;
  total: number;
  free: number;
  wholeServersFree: number;
  largestFreeBlock: number;
  servers: ServerOccupancy[];
}

export interface ZoneOccupancy {
  region: string;
  zone: string;
  /** The allocator's largest free block per accelerator type (absent from older control planes). */
  blocks?: Array<{ acceleratorType: string; largestFreeBlock: number; where: string | null }>;
  supernodes: SupernodeOccupancy[];
  servers: ServerOccupancy[];
}
