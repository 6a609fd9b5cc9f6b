<?php
/**
 * Plugin Name: Dateline Comments
 * Description: Shows Dateline's comment section (<dateline-comments>) in place of the theme's comments and "Leave a Reply" form. It reads and posts this site's own comments through the REST API, so moderation, Settings → Discussion and every comment screen work as before. Needs the must-use plugin that lets visitors comment through the REST API.
 * Version: 1.0.0
 * Requires at least: 6.1
 * Requires PHP: 7.4
 * License: MIT
 */

defined('ABSPATH') || exit;

/**
 * The script-tag loader of @dateline/elements, `dateline.js`, which fetches each element's code
 * (and the WordPress store's) from the same folder when the element needs it. By default the
 * copy of `dist/cdn/` in this plugin's `cdn/` folder; a site can serve it from elsewhere with the
 * `dateline_script_url` filter.
 */
function dateline_script_url() {
	return apply_filters('dateline_script_url', plugins_url('cdn/dateline.js', __FILE__));
}

/**
 * The element for the current post: its comments, read and posted through this site's REST API.
 * Inside it, as its light-DOM content, the approved comments as WordPress shows them, rendered
 * here: search engines index them, and readers see them before the script runs, or without it.
 * The element shows them until it has loaded its own, then only its own.
 */
function dateline_comments_element() {
	$post_id = get_the_ID();
	return sprintf(
		'<dateline-comments thread-id="wp-%1$d" wordpress-site="%2$s" post-id="%1$d" loading="lazy"%3$s>%4$s</dateline-comments>',
		$post_id,
		esc_attr(untrailingslashit(home_url())),
		comments_open($post_id) ? '' : ' closed',
		dateline_comments_markup($post_id)
	);
}

/**
 * The post's approved comments as HTML: a heading with their count and the threaded list,
 * ordered, nested and paged by Settings → Discussion as the theme's own list would be. Empty
 * when there are none. Every value is escaped here; a comment's text is shown as plain text.
 */
function dateline_comments_markup($post_id) {
	$comments = get_comments(
		array(
			'post_id' => $post_id,
			'status'  => 'approve',
			'orderby' => array('comment_date_gmt', 'comment_ID'),
			'order'   => 'ASC',
		)
	);
	if (!$comments) {
		return '';
	}
	$per_page = get_option('page_comments') ? (int) get_option('comments_per_page') : 0;
	$list     = wp_list_comments(
		array(
			'style'             => 'ol',
			'callback'          => 'dateline_comments_item',
			'max_depth'         => get_option('thread_comments') ? (int) get_option('thread_comments_depth') : -1,
			'reverse_top_level' => 'desc' === get_option('comment_order'),
			'per_page'          => $per_page,
			'page'              => 1,
			'echo'              => false,
		),
		$comments
	);
	return sprintf(
		'<h2 class="dateline-comments-title">%1$s</h2><ol class="dateline-comments-list">%2$s</ol>',
		esc_html(sprintf(__('Comments (%s)', 'dateline-comments'), number_format_i18n(count($comments)))),
		$list
	);
}

/**
 * One comment, opened for wp_list_comments(), which closes its <li> after the replies: the
 * author (linked to their site when they gave one), the date, the text in paragraphs with its
 * addresses made links. No Reply link: replying takes the element, which brings its own form.
 */
function dateline_comments_item($comment, $args, $depth) {
	$id     = (int) $comment->comment_ID;
	$name   = esc_html(get_comment_author($comment));
	$url    = get_comment_author_url($comment);
	$author = $url && wp_http_validate_url($url)
		? sprintf('<a class="url" href="%1$s" rel="nofollow ugc">%2$s</a>', esc_url($url), $name)
		: $name;
	// Stored text may hold the few tags WordPress lets commenters use; the element shows text only.
	$text = wp_strip_all_tags(get_comment_text($comment));
	printf(
		'<li id="comment-%1$d" class="comment depth-%2$d"><article><p class="comment-meta"><b class="fn">%3$s</b> <span class="says">%4$s</span> <a href="#comment-%1$d"><time datetime="%5$s">%6$s</time></a></p><div class="comment-content">%7$s</div></article>',
		$id,
		(int) $depth,
		$author,
		esc_html__('says:', 'dateline-comments'),
		esc_attr(get_comment_date('c', $comment)),
		esc_html(sprintf(__('%1$s at %2$s', 'dateline-comments'), get_comment_date('', $comment), mysql2date(get_option('time_format'), $comment->comment_date))),
		wpautop(make_clickable(esc_html($text)))
	);
}

/** Whether this page shows a post whose comments Dateline can show. */
function dateline_comments_wanted() {
	return is_singular() && post_type_supports(get_post_type(), 'comments') && (comments_open() || get_comments_number());
}

add_action('wp_enqueue_scripts', function () {
	if (dateline_comments_wanted()) {
		wp_enqueue_script('dateline-elements', dateline_script_url(), array(), '1.0.0', true);
	}
});

// A module, so it waits for the page to be drawn, its comments included. (WordPress 6.5 and
// later have wp_enqueue_script_module() for this; 6.1 needs the filter.)
add_filter('script_loader_tag', function ($tag, $handle) {
	return 'dateline-elements' === $handle ? str_replace('<script ', '<script type="module" ', $tag) : $tag;
}, 10, 2);

// Block themes (Twenty Twenty-Three and later): the Comments block becomes the element.
add_filter('render_block_core/comments', function ($content) {
	return dateline_comments_wanted() ? dateline_comments_element() : $content;
});

// Classic themes: comments_template() loads our template instead of the theme's comments.php.
add_filter('comments_template', function ($template) {
	return dateline_comments_wanted() ? __DIR__ . '/comments-template.php' : $template;
});
