<?php
/** Used by comments_template() in classic themes: Dateline's comment section for this post. */
defined('ABSPATH') || exit;
echo dateline_comments_element();
