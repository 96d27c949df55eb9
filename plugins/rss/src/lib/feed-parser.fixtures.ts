/** An RSS 2.0 feed around `items`. */
export const rss = (items: string, channelExtra = '', namespaces = '') =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"${namespaces}><channel><title>Flux</title><link>https://site.example/</link>${channelExtra}${items}</channel></rss>`;

export const MEDIA = ' xmlns:media="http://search.yahoo.com/mrss/" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"';
