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
 * The script-tag bundle of @dateline/elements. By default the copy next to this file; a site
 * can serve it from elsewhere with the `dateline_script_url` filter.
 */
function dateline_script_url() {
	return apply_filters('dateline_script_url', plugins_url('dateline.iife.js', __FILE__));
}

/** The element for the current post: its comments, read and posted through this site's REST API. */
function dateline_comments_element() {
	$post_id = get_the_ID();
	return sprintf(
		'<dateline-comments thread-id="wp-%1$d" wordpress-site="%2$s" post-id="%1$d" loading="lazy"%3$s></dateline-comments>',
		$post_id,
		esc_attr(untrailingslashit(home_url())),
		comments_open($post_id) ? '' : ' closed'
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

// Block themes (Twenty Twenty-Three and later): the Comments block becomes the element.
add_filter('render_block_core/comments', function ($content) {
	return dateline_comments_wanted() ? dateline_comments_element() : $content;
});

// Classic themes: comments_template() loads our template instead of the theme's comments.php.
add_filter('comments_template', function ($template) {
	return dateline_comments_wanted() ? __DIR__ . '/comments-template.php' : $template;
});
