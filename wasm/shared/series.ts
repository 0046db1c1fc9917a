// The figures the symbol namespace series opened its argument with (Matthias Maennich's cover
// letters, 2019): the kernel's exported symbols as the series counted them, and where it said so.
// Compiled by asc and tsc alike, like the other shared tables; the page shows them beside the
// engine's own counts of the built-in profiles.

/** One count of the series: a release, its exported symbols, and the cover letter saying so. */
export class SeriesFigure {
  constructor(
    public release: string,
    public exports: i32,
    /** Which version of the series' cover letter gives it. */
    public letter: string,
  ) {}
}

/** "As of Linux 5.3-rc5, there are 31205 exported symbols … a growth of roughly 1000 symbols since 4.17 (30206)" (v3);
 *  v4 repeats it for 5.3-rc7 (31207). */
export const SERIES_FIGURES: SeriesFigure[] = [
  new SeriesFigure("4.17", 30206, "v3, v4"),
  new SeriesFigure("5.3-rc5", 31205, "v3"),
  new SeriesFigure("5.3-rc7", 31207, "v4"),
];

/** The series' words for the export surface. */
export const SERIES_QUOTE = "There seems to be some consensus amongst kernel devs that the export surface is too large, and hard to reason about.";

/** The v4 cover letter ("[PATCH v4 00/12] Symbol Namespaces", 3 September 2019). */
export const SERIES_LINK = "https://lore.kernel.org/r/20190903150638.242049-1-maennich@google.com";
