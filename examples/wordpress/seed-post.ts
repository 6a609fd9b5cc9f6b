/**
 * The seed article as a WordPress post, its headings and paragraphs as blocks: what
 * `npm run example:wordpress` publishes, and what `npm run lighthouse` measures beside the seed
 * page the service renders.
 */
import { readFileSync } from 'node:fs';
import { ArticleSchema } from '@dateline/core';
import type { WordPressSite } from './site.js';

const articleFile = new URL(
  '../data/cambodia-crackdown-2025.json',
  import.meta.url,
);

/** Publishes the seed article on `site` unless a post with its slug is there; returns its address. */
export function publishSeedArticle(
  site: WordPressSite,
  slug = 'cambodia-crackdown-2025',
): string {
  const article = ArticleSchema.parse(
    JSON.parse(readFileSync(articleFile, 'utf8')),
  );
  const blocks = article.body.flatMap((block) => {
    if (block.type === 'paragraph')
      return [{ name: 'paragraph', html: `<p>${block.text}</p>` }];
    if (block.type === 'heading')
      return [
        {
          name: 'heading',
          html: `<h2 class="wp-block-heading">${block.text}</h2>`,
        },
      ];
    return [];
  });
  const payload = Buffer.from(
    JSON.stringify({ slug, title: article.headline, blocks }),
  ).toString('base64');
  return site.php(`
$a = json_decode(base64_decode('${payload}'), true);
$post = get_page_by_path($a['slug'], OBJECT, 'post');
if (!$post) {
  $content = implode("\\n\\n", array_map(function ($b) {
    // The text is escaped here; only the block markup is HTML.
    $inner = preg_replace_callback('/>(.*)</s', function ($m) { return '>' . esc_html($m[1]) . '<'; }, $b['html']);
    return "<!-- wp:{$b['name']} -->\\n{$inner}\\n<!-- /wp:{$b['name']} -->";
  }, $a['blocks']));
  $id = wp_insert_post(['post_title' => $a['title'], 'post_name' => $a['slug'], 'post_status' => 'publish', 'post_content' => $content, 'comment_status' => 'open', 'post_author' => 1], true);
  if (is_wp_error($id)) { fwrite(STDERR, $id->get_error_message()); exit(1); }
  $post = get_post($id);
}
echo get_permalink($post);
`);
}
