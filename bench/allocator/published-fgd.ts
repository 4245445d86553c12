/** FGD's figures for one openb trace variant: allocation ratio (%) at 100% / 130% arrived demand, fragmentation (%) at 90%. */
export interface PublishedFigures {
  allocationRatio: Record<string, [number, number]>;
  fragmentation90: Record<string, number>;
}

/** The FGD paper's figures for the openb default trace (artefact, mean of 10 seeds, GPU sharing on). */
export const PUBLISHED: PublishedFigures = {
  allocationRatio: {
    Random: [86.3, 87.47],
    DotProd: [90.62, 90.85],
    Clustering: [91.65, 91.88],
    Packing: [91.78, 92.0],
    BestFit: [92.86, 93.08],
    FGD: [95.23, 95.39],
  },
  fragmentation90: { Random: 14.48, DotProd: 9.43, Clustering: 8.45, Packing: 8.37, BestFit: 7.41, FGD: 5.0 },
};

/**
 * FGD's figures per trace variant. Source: the paper's artefact (repository
 * hkust-adsl/kubernetes-scheduler-simulator), files `experiments/analysis/expected_results/
 * analysis_allo_discrete.csv` (allocation ratio at 100 and 130% arrived demand) and
 * `analysis_frag_discrete.csv` (fragmentation at 90%), rows with `tune` 1.3, mean over the 10 seeds
 * (42 to 51). These files are what the artefact's plotting scripts draw the paper's figures from; for
 * `default` they give exactly the paper's figures above (Clustering's fragmentation computes to 8.44
 * there, 8.45 in the paper), which is how the source was checked. The paper shows the `gpuspec`
 * variants (Sec. 6.5) and `multigpu20` only as bar charts, so those numbers could not be checked
 * against printed values: they are the artefact's expected results, not read off the paper.
 */
export const PUBLISHED_BY_VARIANT: Record<string, PublishedFigures> = {
  default: PUBLISHED,
  multigpu20: {
    allocationRatio: {
      Random: [86.92, 88.69],
      DotProd: [91.85, 92.06],
      Clustering: [93.34, 93.56],
      Packing: [93.5, 93.71],
      BestFit: [93.73, 93.93],
      FGD: [95.53, 95.65],
    },
    fragmentation90: { Random: 14.06, DotProd: 8.21, Clustering: 6.8, Packing: 6.75, BestFit: 6.58, FGD: 4.72 },
  },
  gpuspec10: {
    allocationRatio: {
      Random: [86.26, 87.43],
      DotProd: [90.17, 90.39],
      Clustering: [91.96, 92.18],
      Packing: [92.24, 92.46],
      BestFit: [93.1, 93.31],
      FGD: [94.66, 94.95],
    },
    fragmentation90: { Random: 14.53, DotProd: 10.44, Clustering: 8.9, Packing: 8.71, BestFit: 8.06, FGD: 6.16 },
  },
  gpuspec20: {
    allocationRatio: {
      Random: [85.9, 87.24],
      DotProd: [88.29, 89.97],
      Clustering: [89.11, 92.24],
      Packing: [89.28, 92.94],
      BestFit: [88.46, 93.3],
      FGD: [94.66, 94.84],
    },
    fragmentation90: { Random: 15.29, DotProd: 12.12, Clustering: 10.33, Packing: 9.8, BestFit: 9.67, FGD: 6.83 },
  },
  gpuspec25: {
    allocationRatio: {
      Random: [85.42, 86.94],
      DotProd: [85.44, 89.63],
      Clustering: [86.41, 92.08],
      Packing: [86.77, 92.98],
      BestFit: [85.67, 93.23],
      FGD: [93.91, 94.74],
    },
    fragmentation90: { Random: 16.01, DotProd: 13.23, Clustering: 11.39, Packing: 10.73, BestFit: 10.8, FGD: 7.47 },
  },
  gpuspec33: {
    allocationRatio: {
      Random: [83.87, 86.46],
      DotProd: [79.82, 89.14],
      Clustering: [81.09, 92.12],
      Packing: [82.22, 93.22],
      BestFit: [80.4, 93.09],
      FGD: [87.84, 94.55],
    },
    fragmentation90: { Random: 17.49, DotProd: 15.91, Clustering: 13.89, Packing: 12.85, BestFit: 13.44, FGD: 9.92 },
  },
};

/** The published figures for a trace variant (`default`, `gpuspec33`, ...), if there are any. */
export function publishedFor(variant: string): PublishedFigures | undefined {
  return PUBLISHED_BY_VARIANT[variant];
}
