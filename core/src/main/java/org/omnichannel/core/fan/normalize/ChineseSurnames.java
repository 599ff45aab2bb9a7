package org.omnichannel.core.fan.normalize;

import java.util.Set;

/**
 * The commonest Chinese family names in toneless pinyin, to tell "Wang Xiaoming" (family name
 * first) from "Xiaoming Wang" when a name comes in Latin letters.
 */
final class ChineseSurnames {

    private static final Set<String> SURNAMES = Set.of("wang", "li", "zhang", "liu", "chen", "yang", "huang",
            "zhao", "wu", "zhou", "xu", "sun", "ma", "zhu", "hu", "guo", "he", "gao", "lin", "luo", "zheng",
            "liang", "xie", "song", "tang", "han", "feng", "deng", "cao", "peng", "zeng", "xiao", "tian",
            "dong", "yuan", "pan", "yu", "jiang", "cai", "jia", "ding", "wei", "xue", "ye", "yan", "lu", "du",
            "dai", "xia", "zhong", "tan", "fu", "shen", "ren", "yao", "cheng", "jin", "qiu", "hou", "shao",
            "meng", "long", "wan", "duan", "lei", "qian", "yin", "yi", "chang", "qiao", "lai", "gong", "wen",
            "fang", "shi", "bai", "cui", "kang", "mao", "qin", "jiao", "ouyang", "situ", "zhuge", "shangguan",
            "mo", "kong", "xiang", "niu", "ge", "fan", "zou", "bao", "hao", "shan", "zhuang", "geng", "liao");

    private ChineseSurnames() {
    }

    static boolean isSurname(String pinyin) {
        return SURNAMES.contains(pinyin);
    }
}
