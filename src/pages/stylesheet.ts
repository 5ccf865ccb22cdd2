/**
 * `feed.xsl`: an XSLT 1.0 stylesheet that turns Dateline's RSS 2.0 and Atom 1.0 documents into a readable
 * page when a person opens a feed in a browser. The feeds reference it with `<?xml-stylesheet?>`
 * (`FeedModel.stylesheet`); feed readers ignore that and see the feed unchanged.
 *
 * Nothing is output unescaped (no `disable-output-escaping`): Firefox ignores it, and the page must not
 * depend on content being safe. Instead the stylesheet undoes, in XSLT, exactly the escaping our writers
 * apply, on the fields where it knows that escaping:
 * - the RSS `description` is the plain-text summary passed through `escapeHtml` (`&amp; &lt; &gt; &quot;`),
 *   or, for an item without a summary, its content (HTML, which opens with a tag where a summary cannot);
 * - the content's credit lines are `<p class="credit">escapeHtml(line)</p>` (or `<p class="credit" dir="ltr">`), cut out of the escaped
 *   content as strings (XSLT 1.0 cannot parse the HTML, but it can find our own markup).
 * The HTML body itself is not shown: the page is a preview that links to the story.
 */
import { NS } from '../formats/_xml.js';
import { RTL_LANGUAGES, RTL_SCRIPTS } from '../core/_direction.js';
import { PAGE_CSS } from './_page.js';

/**
 * XPath 1.0 for "$lang is written right to left", as isRightToLeft decides it: the script subtag (the
 * second, of four letters) when there is one, else the language.
 */
const LOWER = "concat(translate($lang, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ_', 'abcdefghijklmnopqrstuvwxyz-'), '-')";
const SCRIPT = `substring-before(substring-after(${LOWER}, '-'), '-')`;
const RTL_TEST = [
  `(string-length(${SCRIPT}) = 4 and contains(' ${RTL_SCRIPTS.join(' ')} ', concat(' ', ${SCRIPT}, ' ')))`,
  `(string-length(${SCRIPT}) != 4 and contains(' ${RTL_LANGUAGES.join(' ')} ', concat(' ', substring-before(${LOWER}, '-'), ' ')))`,
].join(' or ');

/** The stylesheet's file name beside the feeds; the feeds reference it relatively, so it is always same-origin. */
export const STYLESHEET_FILE = 'feed.xsl';

/**
 * Media type to serve it with: browsers apply XSLT only when it comes with an XML type (`text/xsl` and
 * `application/xslt+xml` both work; this one is registered, and is what `dateline serve` sends). A host
 * that does not know `.xsl` (nginx's stock mime.types does not) sends octet-stream, and the page stays raw XML.
 */
export const STYLESHEET_TYPE = 'application/xslt+xml; charset=utf-8';

export function renderFeedStylesheet(): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<!-- Dateline: shows an RSS 2.0 or Atom 1.0 feed as a page for people. Feed readers never see this. -->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:atom="${NS.atom}"
  xmlns:content="${NS.content}"
  xmlns:dc="${NS.dc}"
  xmlns:media="${NS.media}"
  xmlns:dl="${NS.dl}"
  exclude-result-prefixes="atom content dc media dl">

  <xsl:output method="html" encoding="utf-8" indent="yes" doctype-system="about:legacy-compat"/>

  <xsl:template match="/">
    <xsl:apply-templates select="rss/channel | atom:feed"/>
  </xsl:template>

  <!-- ===== The two roots, mapped onto one page ===== -->

  <xsl:template match="channel">
    <xsl:call-template name="page">
      <xsl:with-param name="title" select="string(title)"/>
      <!-- (The channel's description is plain text escaped as HTML, as an item's summary is.) -->
      <xsl:with-param name="description"><xsl:call-template name="unescape"><xsl:with-param name="s" select="string(description)"/></xsl:call-template></xsl:with-param>
      <xsl:with-param name="lang" select="string(language)"/>
      <xsl:with-param name="self" select="string(atom:link[@rel = 'self']/@href)"/>
      <xsl:with-param name="home" select="string(link)"/>
      <xsl:with-param name="items" select="item"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="atom:feed">
    <xsl:call-template name="page">
      <xsl:with-param name="title" select="string(atom:title)"/>
      <xsl:with-param name="description" select="string(atom:subtitle)"/>
      <xsl:with-param name="lang" select="string(@xml:lang)"/>
      <xsl:with-param name="self" select="string(atom:link[@rel = 'self']/@href)"/>
      <xsl:with-param name="home" select="string(atom:link[@rel = 'alternate']/@href)"/>
      <xsl:with-param name="items" select="atom:entry"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="page">
    <xsl:param name="title"/>
    <xsl:param name="description"/>
    <xsl:param name="lang"/>
    <xsl:param name="self"/>
    <xsl:param name="home"/>
    <xsl:param name="items"/>
    <html lang="en">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="robots" content="noindex"/>
        <title><xsl:value-of select="$title"/> (feed)</title>
        <style>
${PAGE_CSS}
        </style>
      </head>
      <body>
        <div class="wrap">
          <header>
            <p class="note">
              <strong>This is a feed: copy its address into your reader</strong> to follow it.
              <xsl:if test="$self != ''">
                <br/>Address: <code><xsl:value-of select="$self"/></code>
              </xsl:if>
            </p>
            <h1>
              <xsl:call-template name="lang"><xsl:with-param name="lang" select="$lang"/></xsl:call-template>
              <xsl:value-of select="$title"/>
            </h1>
            <xsl:if test="$description != ''">
              <p class="lede">
                <xsl:call-template name="lang"><xsl:with-param name="lang" select="$lang"/></xsl:call-template>
                <xsl:value-of select="$description"/>
              </p>
            </xsl:if>
            <xsl:if test="starts-with($home, 'https://') or starts-with($home, 'http://')">
              <p><a href="{$home}">Go to the website</a></p>
            </xsl:if>
          </header>
          <main>
            <h2>Latest stories</h2>
            <xsl:choose>
              <xsl:when test="$items">
                <ol class="items"><xsl:apply-templates select="$items"/></ol>
              </xsl:when>
              <xsl:otherwise><p>No stories yet.</p></xsl:otherwise>
            </xsl:choose>
          </main>
          <footer><p>Feed made with Dateline.</p></footer>
        </div>
      </body>
    </html>
  </xsl:template>

  <!-- ===== Items ===== -->

  <xsl:template match="item">
    <xsl:call-template name="story">
      <xsl:with-param name="title" select="string(title)"/>
      <xsl:with-param name="link" select="string(link)"/>
      <!-- An item's dc:language (Dateline writes one for a story with its own language), else the channel's. -->
      <xsl:with-param name="lang">
        <xsl:choose>
          <xsl:when test="dc:language"><xsl:value-of select="dc:language[1]"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="/rss/channel/language"/></xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
      <xsl:with-param name="published" select="string(pubDate)"/>
      <xsl:with-param name="updated" select="string(atom:updated)"/>
      <!-- An item without a summary has its content as its description (HTML, opening with a tag), and no content:encoded. -->
      <xsl:with-param name="summary">
        <xsl:if test="not(starts-with(description, '&lt;'))">
          <xsl:call-template name="unescape"><xsl:with-param name="s" select="string(description)"/></xsl:call-template>
        </xsl:if>
      </xsl:with-param>
      <xsl:with-param name="creators" select="dc:creator"/>
      <xsl:with-param name="content" select="string(content:encoded | description[starts-with(., '&lt;')])"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="atom:entry">
    <xsl:call-template name="story">
      <xsl:with-param name="title" select="string(atom:title)"/>
      <xsl:with-param name="link" select="string((atom:link[@rel = 'alternate'] | atom:link[not(@rel)])[1]/@href)"/>
      <!-- An entry without its own language is in the feed's. -->
      <xsl:with-param name="lang" select="string(ancestor-or-self::*[@xml:lang][1]/@xml:lang)"/>
      <xsl:with-param name="published" select="string(atom:published)"/>
      <xsl:with-param name="publishedAt" select="string(atom:published)"/>
      <xsl:with-param name="updated" select="string(atom:updated[. != ../atom:published])"/>
      <xsl:with-param name="summary" select="string(atom:summary)"/>
      <xsl:with-param name="creators" select="atom:author/atom:name"/>
      <xsl:with-param name="content" select="string(atom:content)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="story">
    <xsl:param name="title"/>
    <xsl:param name="link"/>
    <xsl:param name="lang"/>
    <xsl:param name="published"/>
    <xsl:param name="publishedAt" select="''"/>
    <xsl:param name="updated"/>
    <xsl:param name="summary"/>
    <xsl:param name="creators"/>
    <xsl:param name="content"/>
    <li>
      <article>
        <xsl:call-template name="lang"><xsl:with-param name="lang" select="$lang"/></xsl:call-template>
        <h3>
          <xsl:choose>
            <xsl:when test="starts-with($link, 'https://') or starts-with($link, 'http://')">
              <a href="{$link}"><xsl:value-of select="$title"/></a>
            </xsl:when>
            <xsl:otherwise><xsl:value-of select="$title"/></xsl:otherwise>
          </xsl:choose>
        </h3>
        <p class="meta" lang="en" dir="ltr">
          <xsl:text>Published </xsl:text>
          <xsl:call-template name="time">
            <xsl:with-param name="text" select="$published"/>
            <xsl:with-param name="rfc3339" select="$publishedAt"/>
          </xsl:call-template>
          <xsl:if test="$updated != ''">
            <xsl:text> · updated </xsl:text>
            <xsl:call-template name="time">
              <xsl:with-param name="text" select="$updated"/>
              <xsl:with-param name="rfc3339" select="$updated"/>
            </xsl:call-template>
          </xsl:if>
        </p>
        <xsl:if test="dl:dateline != '' or $summary != ''">
          <p class="summary">
            <xsl:if test="dl:dateline != ''">
              <span class="dateline"><xsl:value-of select="dl:dateline"/></span>
              <xsl:if test="$summary != ''"><xsl:text> </xsl:text></xsl:if>
            </xsl:if>
            <xsl:value-of select="$summary"/>
          </p>
        </xsl:if>
        <!-- With no byline Dateline credits the agency as creator; its agency line already says so. -->
        <xsl:if test="$creators and not(count($creators) = 1 and dl:agency and string($creators) = string(dl:agency))">
          <p class="credits" dir="ltr">
            <!-- (The space outside the span: at the end of a left-to-right span in a right-to-left story it would sit on the far side of "By".) -->
            <span lang="en" dir="ltr">By</span><xsl:text> </xsl:text>
            <!-- Names that hold a comma or "and" are listed with semicolons, as the content's byline lists them. -->
            <xsl:variable name="semicolons" select="count($creators) > 1 and $creators[contains(., ',') or contains(., '，') or contains(., '、') or contains(., ';') or contains(., '&amp;') or contains(concat(' ', ., ' '), ' and ')]"/>
            <xsl:for-each select="$creators">
              <xsl:if test="position() > 1">
                <xsl:choose>
                  <xsl:when test="$semicolons">; </xsl:when>
                  <xsl:when test="position() = last()"> and </xsl:when>
                  <xsl:otherwise>, </xsl:otherwise>
                </xsl:choose>
              </xsl:if>
              <bdi dir="ltr"><xsl:value-of select="."/></bdi>
            </xsl:for-each>
          </p>
        </xsl:if>
        <xsl:call-template name="credit-lines"><xsl:with-param name="html" select="$content"/></xsl:call-template>
        <!-- A summary feed carries no content, so no printed credit lines: the contributors and the agency from their elements. -->
        <xsl:if test="$content = ''">
          <xsl:if test="dc:contributor or atom:contributor">
            <p class="credits" dir="ltr">
              <span lang="en" dir="ltr">Contributors:</span><xsl:text> </xsl:text>
              <xsl:choose>
                <!-- dl:contributor has each one's role and place too: "Li Wen (Reporting, Hong Kong)". -->
                <xsl:when test="dl:contributor">
                  <xsl:for-each select="dl:contributor">
                    <xsl:if test="position() > 1">, </xsl:if>
                    <bdi dir="ltr"><xsl:value-of select="@name"/></bdi>
                    <xsl:if test="@role != '' or @location != ''">
                      <xsl:text> (</xsl:text>
                      <xsl:if test="@role != ''"><bdi dir="ltr"><xsl:value-of select="@role"/></bdi></xsl:if>
                      <xsl:if test="@role != '' and @location != ''">, </xsl:if>
                      <xsl:if test="@location != ''"><bdi dir="ltr"><xsl:value-of select="@location"/></bdi></xsl:if>
                      <xsl:text>)</xsl:text>
                    </xsl:if>
                  </xsl:for-each>
                </xsl:when>
                <xsl:otherwise>
                  <xsl:for-each select="dc:contributor | atom:contributor/atom:name">
                    <xsl:if test="position() > 1">, </xsl:if>
                    <bdi dir="ltr"><xsl:value-of select="."/></bdi>
                  </xsl:for-each>
                </xsl:otherwise>
              </xsl:choose>
            </p>
          </xsl:if>
          <xsl:for-each select="dl:agency[1]">
            <!-- An agency alone is the whole line, left in the story's direction; "X via Y" is English words. -->
            <p class="credits">
              <xsl:choose>
                <xsl:when test="@via != ''">
                  <xsl:attribute name="dir">ltr</xsl:attribute>
                  <bdi dir="ltr"><xsl:value-of select="@via"/></bdi><xsl:text> </xsl:text><span lang="en" dir="ltr">via</span><xsl:text> </xsl:text><bdi dir="ltr"><xsl:value-of select="."/></bdi>
                </xsl:when>
                <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
              </xsl:choose>
            </p>
          </xsl:for-each>
        </xsl:if>
        <xsl:for-each select="(media:content/media:credit | media:credit)[1]">
          <p class="credits"><span lang="en" dir="ltr">Photo:</span><xsl:text> </xsl:text><xsl:value-of select="."/></p>
        </xsl:for-each>
      </article>
    </li>
  </xsl:template>

  <!-- ===== Helpers ===== -->

  <!-- A date as the feed gives it; RFC 3339 ones are shown as "2025-02-05 09:24 +08:00" inside <time datetime>. -->
  <xsl:template name="time">
    <xsl:param name="text"/>
    <xsl:param name="rfc3339"/>
    <xsl:choose>
      <xsl:when test="$rfc3339 != ''">
        <time datetime="{$rfc3339}">
          <xsl:value-of select="concat(substring($rfc3339, 1, 10), ' ', substring($rfc3339, 12, 5), ' ', substring($rfc3339, 20))"/>
        </time>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$text"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="lang">
    <xsl:param name="lang"/>
    <xsl:if test="$lang != '' and $lang != 'en'">
      <xsl:attribute name="lang"><xsl:value-of select="$lang"/></xsl:attribute>
      <xsl:if test="${RTL_TEST}">
        <xsl:attribute name="dir">rtl</xsl:attribute>
      </xsl:if>
    </xsl:if>
  </xsl:template>

  <!-- Every <p class="credit">…</p> that Dateline printed at the end of the content, as text. -->
  <!-- (Its opening tag may say dir="ltr": the text starts after the tag's ">", which escaped text cannot hold.
       The lines' words are English or Chinese: they run left to right in any story.) -->
  <xsl:template name="credit-lines">
    <xsl:param name="html"/>
    <xsl:variable name="open">&lt;p class="credit"</xsl:variable>
    <xsl:if test="contains($html, $open)">
      <xsl:variable name="rest" select="substring-after(substring-after($html, $open), '&gt;')"/>
      <p class="credits" dir="ltr">
        <xsl:call-template name="unescape">
          <xsl:with-param name="s" select="substring-before($rest, '&lt;/p&gt;')"/>
        </xsl:call-template>
      </p>
      <xsl:call-template name="credit-lines"><xsl:with-param name="html" select="$rest"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- The inverse of escapeHtml: &quot; &lt; &gt; then &amp; (last, so "&amp;lt;" stays "&lt;"). -->
  <xsl:template name="unescape">
    <xsl:param name="s"/>
    <xsl:call-template name="replace">
      <xsl:with-param name="s">
        <xsl:call-template name="replace">
          <xsl:with-param name="s">
            <xsl:call-template name="replace">
              <xsl:with-param name="s">
                <xsl:call-template name="replace">
                  <xsl:with-param name="s" select="$s"/>
                  <xsl:with-param name="from" select="'&amp;quot;'"/>
                  <xsl:with-param name="to" select="'&quot;'"/>
                </xsl:call-template>
              </xsl:with-param>
              <xsl:with-param name="from" select="'&amp;lt;'"/>
              <xsl:with-param name="to" select="'&lt;'"/>
            </xsl:call-template>
          </xsl:with-param>
          <xsl:with-param name="from" select="'&amp;gt;'"/>
          <xsl:with-param name="to" select="'&gt;'"/>
        </xsl:call-template>
      </xsl:with-param>
      <xsl:with-param name="from" select="'&amp;amp;'"/>
      <xsl:with-param name="to" select="'&amp;'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="replace">
    <xsl:param name="s"/>
    <xsl:param name="from"/>
    <xsl:param name="to"/>
    <xsl:choose>
      <xsl:when test="contains($s, $from)">
        <xsl:value-of select="substring-before($s, $from)"/>
        <xsl:value-of select="$to"/>
        <xsl:call-template name="replace">
          <xsl:with-param name="s" select="substring-after($s, $from)"/>
          <xsl:with-param name="from" select="$from"/>
          <xsl:with-param name="to" select="$to"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
`;
}
