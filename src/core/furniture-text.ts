/**
 * What the words of a short block say about it, in the languages the clipper meets most: the
 * headings that introduce related links, the "read also" teasers inside an article, calls to
 * subscribe or donate, date and byline lines, and image credits. Every pattern is anchored to the
 * start of a short text: they judge labels, never sentences of an article.
 */

const END = String.raw`(?=$|[\s:;,.!?…»›>|/\-–—(])`;

const anchored = (alternatives: string[]): RegExp =>
  new RegExp(String.raw`^(?:${alternatives.join('|')})${END}`, 'i');

/** Headings over lists of other articles, comments, share buttons, tags, author notes. */
const SECTION_HEADINGS = [
  // English
  String.raw`related(?: (?:articles?|posts?|stories|content|news|links|reading|topics|videos|coverage))?`,
  String.raw`read (?:more|also|next)`, String.raw`also read`, String.raw`keep reading`, String.raw`what to read next`,
  String.raw`more (?:from|on|about|in|stories|articles|news|headlines|like this|to read|to explore|reading)`,
  String.raw`you (?:may|might) (?:also )?(?:like|enjoy|be interested)`, String.raw`recommended(?: for you| reading| articles| stories)?`,
  String.raw`see also`, String.raw`further reading`, String.raw`also (?:on|in|see)`, String.raw`popular(?: now| articles| posts| stories)?`,
  String.raw`most (?:read|popular|viewed|shared|commented)`, String.raw`trending(?: now| stories)?`,
  String.raw`(?:latest|recent|newest) (?:news|articles|posts|stories|comments)`, String.raw`top stories`,
  String.raw`don'?t miss`, String.raw`editor'?s picks?`, String.raw`similar (?:articles|posts|stories)`,
  String.raw`about the authors?`, String.raw`share(?: this)?(?: (?:article|post|story|page))?`, String.raw`tags?`, String.raw`topics?`,
  String.raw`comments?`, String.raw`leave a (?:reply|comment)`, String.raw`table of contents`, String.raw`contents`,
  // German
  String.raw`ähnliche (?:beiträge|artikel|themen|nachrichten)`, String.raw`verwandte (?:artikel|beiträge|themen)`,
  String.raw`auch interessant`, String.raw`(?:das )?könnte (?:dich|sie|euch) (?:auch )?interessieren`,
  String.raw`(?:das )?interessiert (?:dich|sie) (?:vielleicht )?auch`,
  String.raw`mehr (?:zum thema|zu|zur|zum|themen|aus|über|dazu|lesen|artikel|nachrichten|news|beiträge|infos?)`,
  String.raw`weitere (?:artikel|beiträge|informationen|infos|nachrichten|themen|links|news|meldungen|videos)`,
  String.raw`weiterführende (?:links|informationen|artikel|inhalte|themen)`, String.raw`zum weiterlesen`, String.raw`weiterlesen`,
  String.raw`lesen sie (?:auch|mehr|weiter)`, String.raw`lies auch`, String.raw`(?:siehe|sehen sie) auch`,
  String.raw`(?:neueste|neuste|aktuelle|letzte) (?:artikel|beiträge|news|nachrichten|meldungen)`,
  String.raw`(?:am )?meist[- ]?(?:gelesen|gesehen|geklickt|geteilt|kommentiert|diskutiert)e?n?(?: (?:artikel|beiträge|news|nachrichten|themen))?`, String.raw`(?:unsere )?empfehlung(?:en)?`, String.raw`über (?:den|die) autor(?:in|en|innen)?`,
  String.raw`(?:diesen )?(?:artikel|beitrag|seite) teilen`, String.raw`teilen`, String.raw`schlagw(?:ö|o)rte?r?`, String.raw`themen`,
  String.raw`(?:keine )?kommentare`, String.raw`inhaltsverzeichnis`, String.raw`auch auf`, String.raw`passend (?:dazu|zum thema)`,
  String.raw`top-?themen`, String.raw`beliebte (?:artikel|beiträge)`,
  // French
  String.raw`(?:à |a )?lire (?:aussi|également|ensuite)`, String.raw`(?:articles?|contenus?) (?:similaires|liés|associés|recommandés)`,
  String.raw`sur le même (?:sujet|thème)`, String.raw`voir aussi`, String.raw`dans la même rubrique`,
  String.raw`(?:audios? et )?vidéos sur le sujet`, String.raw`(?:les )?plus lus`, String.raw`partager(?: cet article)?`,
  String.raw`commentaires`, String.raw`à propos de l'auteur`,
  // Spanish
  String.raw`(?:te|le|les) puede (?:interesar|gustar)`, String.raw`(?:lea|lee|leer) (?:también|además|más)`,
  String.raw`(?:noticias|artículos|notas) relacionad[oa]s`, String.raw`más (?:noticias|leídas|leído|información|de|sobre|en)`,
  String.raw`también (?:te|le) puede interesar`, String.raw`ver también`, String.raw`(?:te|le) recomendamos`,
  String.raw`comparte?(?:ir)?`, String.raw`comentarios`, String.raw`etiquetas`, String.raw`últimas noticias`,
  String.raw`lo más (?:leído|visto)`, String.raw`sobre el autor`,
  // Italian, Portuguese, Dutch, Polish, Nordic, Czech, Russian
  String.raw`leggi anche`, String.raw`(?:articoli|notizie) correlat[ie]`, String.raw`(?:ti )?potrebbe (?:anche )?interessare`,
  String.raw`leia (?:também|mais)`, String.raw`veja (?:também|mais)`, String.raw`(?:notícias|matérias) relacionadas`,
  String.raw`lees (?:ook|meer|verder)`, String.raw`gerelateerde (?:artikelen|berichten)`, String.raw`(?:bekijk|zie) ook`,
  String.raw`czytaj (?:też|także|również|więcej)`, String.raw`zobacz (?:też|także|również)`, String.raw`polecamy`,
  String.raw`(?:podobne|powiązane) artykuły`, String.raw`najnowsze artykuły`,
  String.raw`(?:läs|les|læs) (?:också|også|mer|mere)`, String.raw`relater(?:ade|te) (?:artiklar|saker|artikler)`,
  String.raw`čtěte také`, String.raw`související články`, String.raw`читайте также`, String.raw`похожие (?:статьи|новости)`,
  String.raw`相关(?:阅读|文章|新闻)`, String.raw`推荐阅读`, String.raw`関連記事`,
];

export const SECTION_HEADING = anchored(SECTION_HEADINGS);

/** Headings that are the whole label of a furniture box (nothing of the article follows them). */
const LABELS = [
  ...SECTION_HEADINGS,
  String.raw`(?:war|ist) (?:der|dieser|das|dieses) (?:artikel|beitrag|text) (?:hilfreich|nützlich|lesenswert)`,
  String.raw`(?:was|is) this (?:article|post|page|story) (?:helpful|useful)`, String.raw`did you (?:like|enjoy) this (?:article|post|story)`,
  String.raw`(?:den |diesen )?(?:artikel|beitrag) (?:teilen|bewerten|drucken|merken)`, String.raw`(?:rate|share|print) this (?:article|post|story)`,
  String.raw`(?:quellen|details|mehr|weniger|alle) (?:ausblenden|einblenden|anzeigen)`, String.raw`(?:show|read) (?:more|less)`,
  String.raw`(?:jetzt )?(?:kommentieren|kommentar schreiben|kommentare schreiben|kommentar verfassen)`, String.raw`(?:add|post|write) a comment`,
  String.raw`permalink`, String.raw`drucken`, String.raw`print`, String.raw`imprimir`, String.raw`imprimer`,
];
export const FURNITURE_LABEL = new RegExp(String.raw`^(?:${LABELS.join('|')})\s*[:.!?…]?$`, 'i');

/** Words that ask for a page to be shared, and the words for what is shared, in the corpus's languages written out. */
const SHARE_VERB = String.raw`share|sharing|teilen|compartir|comparte|compártelo|partager|partagez|partage|condividi|condividere|compartilhe|compartilhar|udostępnij|delen|deel`;
const SHARED_THING = String.raw`article|post|story|page|artikel|beitrag|seite|artículo|nota|noticia|articolo|artigo|artykuł|wpis|bericht`;
/**
 * A short line that asks the reader to share the article ("Möchten Sie den Artikel teilen?",
 * "Liked the post? Share it!"), in whatever words: it names both the sharing and the thing shared.
 */
export const SHARE_PROMPT = new RegExp(
  String.raw`^(?=.*(?<!\p{L})(?:${SHARE_VERB})(?!\p{L}))(?=.*(?<!\p{L})(?:${SHARED_THING})(?!\p{L}))`, 'iu');
/** A share prompt is a line, not a paragraph that happens to speak of sharing an article. */
export const SHARE_PROMPT_MAX = 80;

/** Headings over an author's note: the short biography after them goes with them. */
export const AUTHOR_HEADING = /^(?:about the authors?|über (?:den|die) autor(?:in|en|innen)?|(?:der |die )?autor(?:in)?|à propos de l'auteur|sobre el autor|the author)\s*:?$/i;

/** "Read also: <link>" teasers inside the article text. */
export const READ_ALSO = anchored([
  String.raw`(?:lesen sie|lies) (?:auch|mehr|hier|weiter)`, String.raw`auch interessant`, String.raw`mehr (?:zum thema|dazu)`,
  String.raw`siehe auch`, String.raw`zum thema`, String.raw`passend dazu`, String.raw`weiterlesen`, String.raw`mehr lesen`,
  String.raw`(?:das )?könnte (?:dich|sie|euch) (?:auch )?interessieren`,
  String.raw`read (?:more|also|next)`, String.raw`see also`, String.raw`related`, String.raw`also read`, String.raw`more`,
  String.raw`(?:te|le) puede interesar`, String.raw`(?:lea|lee) (?:también|más)`, String.raw`también (?:te|le) puede interesar`,
  String.raw`(?:vea|ve|ver|mira) también`, String.raw`(?:leia|veja|confira) (?:também|mais)`, String.raw`saiba mais`,
  String.raw`(?:leggi|vedi) anche`, String.raw`(?:à )?(?:lire|voir) aussi`, String.raw`czytaj (?:też|także)`,
  String.raw`zobacz (?:też|także)`, String.raw`lees ook`, String.raw`читайте также`,
  // The verb alone, only as a label before a colon ("Lea: <headline>", "MIRA: …"): as a word it
  // begins sentences (and "Mira" is a name).
  String.raw`(?:read|see|lesen sie|lies|lea|lee|vea|mira|leia|veja|leggi|(?:à )?lire)(?=\s*:)`,
]);

/** WordPress-style closing lines: "Der Beitrag wurde am <date> veröffentlicht und unter ... abgelegt". */
export const POSTED_LINE = /\b(?:this (?:entry|post) was posted|posted (?:on|in)\b|filed under|der beitrag wurde am|dieser (?:eintrag|beitrag) wurde (?:am|unter)|veröffentlicht (?:am|in|unter)|abgelegt unter|publié (?:le|dans)|publicado (?:el|en))/i;

/** The social networks a page asks its reader to follow it on. */
const SOCIAL = String.raw`(?:instagram|facebook|twitter|x|youtube|tiktok|linkedin|snapchat|threads|mastodon|bluesky|whatsapp|telegram|pinterest)\b`;

/**
 * Calls to subscribe, sign up, donate, install an app or write in, as they address the reader:
 * imperatives and second-person phrases, so that a closing paragraph which merely reports on
 * subscribers or donations is not taken for one.
 */
export const CALL_TO_ACTION = new RegExp(
  [
    // English
    String.raw`\bsubscribe (?:now|today|to (?:our|the)|for)\b`, String.raw`\bplease subscribe\b`, String.raw`\balready a subscriber\b`,
    String.raw`\bbecome a (?:subscriber|member|patron|supporter)\b`,
    String.raw`\bsign(?:ing)? up (?:now|today|here|for (?:our|the|free)|to (?:our|the))\b`, String.raw`\b(?:you can|please) log ?in\b`,
    String.raw`\blog ?in (?:to|for) (?:continue|read|access|immediate)`, String.raw`\bsupport (?:our|independent|quality) journalism\b`,
    String.raw`\bsupport us\b`, String.raw`\bdonate (?:now|today|to us|here)\b`, String.raw`\bmake a donation\b`,
    String.raw`\bdownload (?:the|our)\b.{0,30}\bapps?\b`, String.raw`\bfollow us\b`, `\\bfollow (?:\\S+ ){1,4}on ${SOCIAL}`, String.raw`\bletters? to the editor\b`,
    String.raw`\bsubmit (?:a|your) letter`, String.raw`\bwrite to us\b`, String.raw`\bwe want to hear\b`, String.raw`\bjoin (?:now|us today)\b`,
    String.raw`\bfree trial\b`,
    // The publisher's own newsletter, named as "our" in the languages written out here.
    String.raw`\b(?:our|unser(?:e[mnrs]?)?|notre|nuestro|nostra|nosso|onze)\s+(?:\S+\s+){0,2}newsletter\b`,
    // German
    String.raw`\b(?:rss|feed)\b.{0,20}\babonnieren\b`, String.raw`\bsubscribe to (?:the |our )?(?:rss|feed)`, String.raw`\babonnieren sie\b`, String.raw`\bjetzt (?:\S+ )?(?:abonnieren|abo|testen|registrieren|spenden|unterstützen)\b`,
    String.raw`\bnewsletter (?:abonnieren|bestellen)\b`,
    String.raw`\bunterstützen sie (?:uns|unsere)\b`, String.raw`\bspenden sie\b`, String.raw`\bmitglied werden\b`, String.raw`\bfolgen sie uns\b`,
    `\\bfolg(?:en sie|t|e) (?:\\S+ ){1,4}(?:auf|bei) ${SOCIAL}`, `\\bsuivez(?:-nous)? (?:\\S+ ){0,4}sur ${SOCIAL}`, `\\bsigue(?:nos)? (?:\\S+ ){0,4}en ${SOCIAL}`,
    String.raw`\bregistrieren sie sich\b`, String.raw`\bmelden sie sich\b.{0,40}\b(?:an|newsletter)\b`,
    // ... and addressing the reader as "du": abonniere, melde dich an, unterstütze uns, werde Mitglied
    String.raw`\babonniere\b`, String.raw`\bmelde dich\b.{0,40}\b(?:an|newsletter)\b`, String.raw`\bunterstütze (?:uns|unsere)\b`,
    String.raw`\bwerden? (?:sie )?mitglied\b`, String.raw`\bfolge uns\b`,
    // Spanish, French, Italian, Portuguese, Polish, Dutch
    String.raw`\bsuscr[ií]b(?:ete|ase)\b`,
    // join, support us: tú and usted forms (a word that opens with an accented letter has no \b before it)
    String.raw`\b(?:hazte|hágase) (?:miembro|socio|suscriptor)`, String.raw`\bapóy[ae]nos\b`, String.raw`(?:^|\s)úne(?:te|se) a nuestr[oa]`,
    String.raw`\bsíguenos\b`, String.raw`\binicia sesión\b`,
    String.raw`\babonnez-vous\b`, String.raw`\bsoutenez[- ]nous\b`, String.raw`\bfaites un don\b`, String.raw`\binscrivez-vous\b`, String.raw`\bsuivez-nous\b`,
    String.raw`\babbonati\b`, String.raw`\biscriviti\b`, String.raw`\bsostienici\b`, String.raw`\bseguici\b`,
    String.raw`\bassine (?:já|agora)\b`, String.raw`\binscreva-se\b`, String.raw`\bsiga-nos\b`,
    String.raw`\bzapisz się`, String.raw`\bwesprzyj nas`, String.raw`\bzaprenumeruj`, String.raw`\bzapraszamy (?:też |także )?do (?:subskrypcji|prenumeraty)`,
    String.raw`\babonneer\b`, String.raw`\bword lid\b`, String.raw`\bsteun ons\b`,
  ].join('|'),
  'i',
);

/** Lines that only label a date or an author whose value stands elsewhere. */
export const META_LABEL = /^(?:release date|date|published(?: on)?|updated(?: on)?|posted(?: on| by)?|last updated|veröffentlicht(?: am)?|veröffentlichung|aktualisiert(?: am)?|publiziert(?: am)?|erstellt(?: am)?|stand|datum|von|by|autor(?:in)?|author|por|par|de|publicado(?: el)?|actualizado(?: el)?|publié(?: le)?|mis à jour(?: le)?|pubblicato(?: il)?|opublikowano)\s*:?$/i;

const MONTHS = [
  'jan(?:uary|uar|vier|uari|eiro)?', 'feb(?:ruary|ruar|rero)?', 'fév(?:rier)?', 'f[eé]vr?', 'm(?:ar(?:ch|s|zo|ço)?|ärz|aart)', 'apr(?:il|ile)?', 'avr(?:il)?', 'abr(?:il)?',
  'ma(?:y|i|j|io|yo|rzo)', 'mei', 'jun(?:e|i|io|ho)?', 'juin', 'giugno', 'jul(?:y|i|io|ho)?', 'juil(?:let)?', 'luglio', 'aug(?:ust|usti)?', 'août', 'ago(?:sto)?',
  'sep(?:t(?:ember|iembre|embre)?)?', 'set(?:embro|tembre)?', 'o[ck]t(?:ober|obre|ubre)?', 'nov(?:ember|embre|iembre)?', 'de[cz](?:ember|embre|iembre)?', 'dic(?:iembre|embre)?',
  'stycz(?:nia|eń)', 'lut(?:ego|y)', 'marca?', 'kwiet(?:nia|ień)', 'maja?', 'czerw(?:ca|iec)', 'lip(?:ca|iec)', 'sierp(?:nia|ień)', 'wrze(?:śnia|sień)', 'paźdz(?:iernika|iernik)', 'listopad(?:a)?', 'grud(?:nia|zień)',
].join('|');

const DATE_PATTERNS = [
  String.raw`\d{1,2}[./-]\s?\d{1,2}[./-]\s?\d{2,4}`,
  String.raw`\d{4}-\d{1,2}-\d{1,2}`,
  String.raw`\d{1,2}\.?\s+(?:de\s+)?(?:${MONTHS})\.?,?\s+(?:de\s+)?\d{4}`,
  String.raw`(?:${MONTHS})\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}`,
  String.raw`\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:uhr|h|am|pm|a\.m\.|p\.m\.))?`,
];
const DATE = new RegExp(String.raw`(?<![\d+])(?:${DATE_PATTERNS.join('|')})(?!\d)`, 'gi');
/** What marks a line as a date line rather than a sentence that holds a date. */
const META_MARK = /[|•·]|^(?:published|updated|posted|veröffentlicht|veröffentlichung|aktualisiert|publiziert|erstellt|stand|von|by|am|publicado|actualizado|publié|mis à jour|pubblicato|opublikowano)\b/i;

const META_WORDS = /\b(?:published|updated|posted|on|at|by|last|release|date|veröffentlicht|veröffentlichung|aktualisiert|publiziert|erstellt|stand|am|um|uhr|von|den|der|die|und|autor(?:in)?|author|por|el|la|de|del|publicado|actualizado|par|le|publié|mis|à|jour|pubblicato|il|alle|opublikowano|monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lunes|martes|miércoles|jueves|viernes|sábado|domingo|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|heute|gestern|today|yesterday|min(?:ute[ns]?)?|lesezeit|reading|read|time|ago|vor|stunden?|hours?|comments?|kommentare?|[ecmpa][sd]t|gmt|utc|cet|cest|mez|mesz|bst|ist|jst|kst|hkt|sgt|aest|aedt)\b/giu;

/**
 * A short line that carries a date or time and, besides labels, at most a name: "Published:
 * 03.04.2020, 12:35", "24. März 2004, 19:49 | Genesis", "7. oktober 2020".
 */
export function isDateLine(text: string): boolean {
  if (text.length > 110) return false;
  DATE.lastIndex = 0;
  if (!DATE.test(text)) return false;
  DATE.lastIndex = 0;
  const rest = text.replace(DATE, ' ').replace(META_WORDS, ' ').replace(/[^\p{L}\s]+/gu, ' ').trim();
  const words = rest ? rest.split(/\s+/) : [];
  // Beside the date, a name at most ("| Genesis", "von Jane Doe"), and only on a marked line.
  return words.length === 0 || (words.length <= 3 && META_MARK.test(text));
}

const NAME_PARTICLES = new Set(['and', 'und', 'y', 'et', 'e', '&', 'von', 'van', 'de', 'der', 'den', 'del', 'la', 'le', 'di', 'da', 'dos', 'du', 'zu']);

/** A line that names the author and nothing else: "By Jane Doe", "Von Tim Ehlers", "Por María Pérez | Redacción". */
export function isAuthorLine(text: string): boolean {
  if (text.length > 80) return false;
  const m = /^(?:by|von|por|par|di|door|af|av|autor(?:in)?:|author:|text:|texto:)\s+(.+)$/iu.exec(text);
  if (!m) return false;
  const rest = m[1]!.replace(DATE, ' ').replace(/[|,•·–—/]+/g, ' ').trim();
  // Names are capitalised, every word of them; a sentence that merely starts with "by" or
  // "von" ("Von Berlin aus fährt ...") is not.
  const words = rest.split(/\s+/).filter(Boolean);
  return words.length > 0 && words.length <= 6 && words.every((w) => /^\p{Lu}/u.test(w) || NAME_PARTICLES.has(w.toLowerCase()));
}

/** The label a caption or an image credit starts with. */
export const CAPTION_LABEL = /^(?:©|\(c\)\s|copyright\b|fotos?\s*(?:[:/©]|by\b)|photos?\s*(?:[:/©]|by\b)|photograph(?:s|ed)?\s*(?:by\b|:)|bild(?:er)?\s*:|abbildung\s*\d*\s*:|abb\.\s*\d*|image\s*(?::|by\b|copyright\b|source\b|credit\b)|picture\s+(?:copyright|credit)\b|imagen(?:es)?\s*:|illustration\s*:|grafik\s*:|credits?\s*:|crédito|quelle\s*:|source\s*:|fuente\s*:|fig(?:ure|\.)\s*\d+\s*[:.]|screenshot\b)/i;

/** The link that closes a teaser: "Weiterlesen", "Read more", "Leer más", "»". */
export const READ_MORE_LINK = /^(?:weiterlesen|weiter ?lesen|mehr lesen|mehr|zum artikel|read (?:more|on|the full (?:story|article))|continue reading|more|full story|leer más|seguir leyendo|lire la suite|en savoir plus|leggi (?:tutto|di più)|continua a leggere|ler mais|leia mais|lees (?:meer|verder)|czytaj (?:dalej|więcej)|läs mer|les mer|læs mere|читать далее|[»›→>]+)\s*[»›→>.…]*$/i;

/**
 * Placeholders that stand for an embedded post, video or map until the reader consents to load
 * it: a verb of loading or showing, the thing shown, and the consent or privacy it asks for.
 */
export function isEmbedPlaceholder(text: string): boolean {
  if (text.length > 350) return false;
  if (/^(?:externer inhalt|external content|contenido externo|contenu externe|contenuto esterno)\s*[:.]?$/i.test(text)) return true;
  const load = /\b(?:load(?:ing)?|show|display|activate|enable|unblock|laden|anzeigen|aktivieren|entsperren|cargar|mostrar|activar|charger|afficher|activer|caricare|carregar)\b/i;
  const thing = /\b(?:contents?|inhalte?s?|contenidos?|contenus?|contenuto|conteúdo|videos?|tweets?|posts?|maps?|karten?|mapas?|cartes?|podcasts?|players?|embeds?)\b/i;
  const consent = /\b(?:consent|einverständnis|einwilligung|zustimm|akzeptier|accept|privacy|datenschutz|privatsphäre|cookies?|third[- ]party|drittanbieter|externe[nr]?|consentimiento|privacidad|consentement|confidentialité|terceros|tiers)/i;
  const connect = /\b(?:verbindung zu|connection to|connect to|conexión con|connexion à)\s+(?:den\s+|the\s+)?(?:twitter|x|youtube|instagram|facebook|tiktok|vimeo|spotify|soundcloud|google|social[- ]media)/i;
  return consent.test(text) && ((load.test(text) && thing.test(text)) || connect.test(text));
}
