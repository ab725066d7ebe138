/** Types of `efrt` (no published types): the compressed-trie packer of compromise's lexicons. */
declare module 'efrt' {
  /** Unpack a packed trie to an object whose keys are the words. */
  export function unpack(packed: string): Record<string, true>
}
