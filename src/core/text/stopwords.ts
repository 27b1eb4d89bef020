/**
 * English function words, left out of the index and ignored in queries that have other
 * words: they occur in nearly every article, so they only add bytes and noise
 * ("how do I change my password" searches for `change password`).
 */
export const STOPWORDS = new Set(
  (
    'a an and are as at be been but by can could did do does doing for from had has have how i if in into is it its ' +
    'me my no not of on or our she so such than that the their them then there these they this those to too us was ' +
    'we were what when where which while who whom why will with would you your'
  ).split(' '),
);
