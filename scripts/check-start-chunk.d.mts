export const START_CHUNK_LIMIT_BYTES: number;
export function startChunk(distDir: string): { files: { file: string; bytes: number }[]; bytes: number };
