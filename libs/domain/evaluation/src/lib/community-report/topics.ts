/**
 * Words that say nothing about a topic, in French and English, folded the way
 * the mentions' word index folds them (lower case, no accents): the top topics
 * are the most frequent remaining words of the period's mentions. Hashtags
 * count as their word ("#boulangerie" is "boulangerie"), since the index drops
 * punctuation. Words shorter than three letters, numbers and web debris (http,
 * www) are left out in the statement itself.
 */
export const TOPIC_STOP_WORDS: readonly string[] = [
  // French
  ...'les des une un le la de du et en au aux ce ces cet cette il ils elle elles on nous vous je tu me te se lui leur leurs mon ma mes ton ta tes son sa ses notre nos votre vos qui que quoi dont ou où mais donc or ni car ne pas plus moins tres trop peu tout tous toute toutes rien sans avec pour par sur sous dans chez entre vers depuis avant apres pendant comme aussi encore deja bien mal fait faire fais font etait etre est sont suis es sommes etes ete avoir avez avons ont ai as eu aura sera va vais vont peut peux doit quand alors ici la ca cela ceci celui celle ceux quel quelle quels quelles oui non merci bonjour salut autre autres meme memes chaque encore ainsi tant voila vraiment juste'.split(
    ' ',
  ),
  // English
  ...'the a an and or but not no yes of to in on at by for from with without about into over under after before than then this that these those there here it its is are was were be been being am have has had do does did done will would can could should may might must shall you your yours we our ours they their them he him his she her hers i me my mine what which who whom whose when where why how all any both each few more most other some such only own same so too very just also still even again once out off up down now new get got like one two thanks thank hello please really'.split(
    ' ',
  ),
  // The web
  ...'http https www com org net html amp via rt'.split(' '),
];
