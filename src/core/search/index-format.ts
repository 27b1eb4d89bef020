/** Serialized form of the prebuilt search index inside a bundle. Owned by core/search. */
export interface SerializedSearchIndex {
  [key: string]: unknown;
}
