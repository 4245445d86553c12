/**
 * Terraform walks 10 at a time. Steps spend nearly all their time waiting for the cloud (the client
 * polls only when an operation is due), so hundreds in flight cost little and keep a stack of many
 * small resources from queueing behind each other; the cloud's 429s still pace the requests.
 * Its own module so the CLI can show it in --help without loading the applier.
 */
export const DEFAULT_PARALLELISM = 256;
