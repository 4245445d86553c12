/** The FGD paper's figures for the openb default trace (artefact, mean of 10 seeds, GPU sharing on). */
export const PUBLISHED = {
  allocationRatio: {
    Random: [86.3, 87.47],
    DotProd: [90.62, 90.85],
    Clustering: [91.65, 91.88],
    Packing: [91.78, 92.0],
    BestFit: [92.86, 93.08],
    FGD: [95.23, 95.39],
  } as Record<string, [number, number]>,
  fragmentation90: { Random: 14.48, DotProd: 9.43, Clustering: 8.45, Packing: 8.37, BestFit: 7.41, FGD: 5.0 } as Record<string, number>,
};
