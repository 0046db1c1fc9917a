/** The generated wasm/assembly/prelude/files.ts text for the current headers. */
export function renderModule(): string;
/** C text without comments and blank lines. */
export function compactHeader(text: string): string;
/** Where the generated module lives. */
export const OUT: string;
/** The generated wasm/assembly/kernel/nshistorydata.ts text for the current nshistory.txt. */
export function renderHistory(): string;
/** Where that module lives. */
export const HISTORY_OUT: string;
